import { describe, expect, it } from 'vitest';
import { runCli, useExampleFolders } from '../helpers';

const folders = useExampleFolders();

describe('quorum search', () => {
  it('finds what the app finds, as text grouped by kind with the words marked, and as JSON for a script', async () => {
    const dir = await folders.example();
    const text = await runCli('search', 'safegu', '--data', dir);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^\d+ results for “safegu”/);
    expect(text.out).toMatch(/\[Safeguarding\]|\[safeguarding\]/);
    const json = await runCli('search', 'safegu', '--data', dir, '--json');
    const answer = JSON.parse(json.out) as { total: number; results: { kind: string; boardId: string | null }[] };
    expect(answer.total).toBe(Number(text.out.match(/^(\d+)/)![1]));
    // One board, one kind.
    const board = await runCli('search', 'safegu', '--data', dir, '--board', 'board:childrens-trust', '--kind', 'paper', '--json');
    const narrowed = JSON.parse(board.out) as typeof answer;
    expect(narrowed.total).toBeGreaterThan(0);
    expect(narrowed.total).toBeLessThan(answer.total);
    expect(new Set(narrowed.results.map((r) => `${r.kind} ${r.boardId}`))).toEqual(new Set(['paper board:childrens-trust']));
  });

  it('says what is wrong with what it was asked, in words, and changes nothing', async () => {
    const dir = await folders.example();
    expect(await runCli('search', '--data', dir)).toMatchObject({ code: 2, err: expect.stringMatching(/Say what to search for/) });
    expect(await runCli('search', 'x', '--data', dir, '--kind', 'memo')).toMatchObject({ code: 2, err: expect.stringMatching(/There is no kind "memo"/) });
    expect(await runCli('search', 'x', '--data', dir, '--since', '5/12/2026')).toMatchObject({ code: 2, err: expect.stringMatching(/YYYY-MM-DD/) });
  });
});
