import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers';

const run = runCli;

describe('the quorum CLI', () => {
  it('creates the example and checks it, as JSON', async () => {
    const { dir, cleanup } = tempDir();
    expect((await run('example', '--data', dir)).code).toBe(0);
    const check = await run('check', '--data', dir, '--json');
    expect(check.code).toBe(0);
    const report = JSON.parse(check.out);
    expect(report).toMatchObject({ ok: true, state: 'ready', journal: { ok: true, entries: 1 }, counts: { board: 3, meeting: 6 } });
    expect(report.warnings.map((w: { kind: string }) => w.kind)).toContain('overdue-actions');
    const again = await run('example', '--data', dir);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds a Quorum store/);
    cleanup();
  });

  it('explains bad usage and exits 2', async () => {
    expect(await run()).toMatchObject({ code: 2 });
    expect((await run('--help')).out).toMatch(/Usage: quorum <command>/);
    expect(await run('frobnicate')).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command "frobnicate"/) });
    expect(await run('check')).toMatchObject({ code: 2, err: expect.stringMatching(/--data DIR is required/) });
    expect(await run('check', '--data', '/tmp', '--colour')).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown option '--colour'/) });
  });

  it('fails a check of a missing or corrupt store with a clear message, and never quarantines it', async () => {
    const { dir, cleanup } = tempDir();
    expect(await run('check', '--data', dir)).toMatchObject({ code: 1, err: expect.stringMatching(/no Quorum store/) });
    writeFileSync(join(dir, 'quorum.json'), '{"format":"quorum-store",');
    const r = await run('check', '--data', dir, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, schema: { ok: false, problem: expect.stringMatching(/not valid JSON/) } });
    cleanup();
  });
});

describe('quorum under --json', () => {
  it('answers every refusal as JSON on standard output: a bad option, a missing store, a refused operation', async () => {
    const { runCli } = await import('../helpers');
    for (const argv of [
      ['check', '--data', '/nonexistent-quorum-folder', '--json', '--bogus'],
      ['export', 'tor', '--data', '/nonexistent-quorum-folder', '--board', 'x', '--out', '/tmp/x.docx', '--json'],
      ['call', 'boards:add', '--data', '/nonexistent-quorum-folder', '--input', '{}', '--json'],
    ]) {
      const r = await runCli(...argv);
      expect(r.code, argv.join(' ')).not.toBe(0);
      expect(JSON.parse(r.out), argv.join(' ')).toMatchObject({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
