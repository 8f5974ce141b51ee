import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackFile } from '../../main/services/packs';
import { savedFileFailure } from '../../main/services/store/savedFile';
import { QuorumStore } from '../../main/services/store/store';
import { findRecord, listRecords } from '../../shared/data';
import { runCli, useExampleFolders, testClock } from '../helpers';

const run = runCli;

const { example } = useExampleFolders();

describe('quorum pack', () => {
  it('refuses with the pre-flight errors and writes nothing', async () => {
    const dir = await example();
    const file = join(dir, 'packs', 'next.docx');
    const refused = await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/found 2 error\(s\); no pack was built/);
    expect(refused.err).toMatch(/ERROR {3}Item 5 \(Deep dive: neglect and the graded care profile\): the paper has not been received from Amira Haddad/);
    expect(existsSync(file)).toBe(false);
    const json = await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', file, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, meetingId: 'meeting:ct-next', preflight: { errors: 2 } });
  });

  it('builds with an override reason, records the build with its hash, and journals the reason', async () => {
    const dir = await example();
    const file = join(dir, 'packs', 'full.docx');
    const snapshot = readFileSync(join(dir, 'quorum.json'));
    const built = await run('pack', '--data', dir, '--meeting', 'meeting:ct-next', '--variant', 'full', '--out', file, '--override-reason', 'Papers to follow, agreed with the chair', '--json');
    expect(built.code).toBe(0);
    const outcome = JSON.parse(built.out);
    const bytes = readFileSync(file);
    expect(outcome).toMatchObject({ ok: true, file, bytes: bytes.length, overridden: true, sha256: createHash('sha256').update(bytes).digest('hex') });
    // The record of the build is one line in the change log: the whole store is not rewritten for it.
    expect(readFileSync(join(dir, 'quorum.json')).equals(snapshot)).toBe(true);
    expect(statSync(join(dir, 'quorum.changes.jsonl')).size).toBeGreaterThan(0);
    const store = QuorumStore.open(dir, { user: 'test', device: 'test', mode: 'read', clock: testClock() });
    const history = listRecords(store.data, 'packBuild');
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ variant: 'full', fileName: 'full.docx', sha256: outcome.sha256, override: { reason: 'Papers to follow, agreed with the chair' } });
    expect(store.journalEntries(1)[0].summary).toMatch(/overrode 2 pre-flight error\(s\) because: Papers to follow, agreed with the chair/);
    store.close();
  });

  it('says in plain words why the file could not be saved, records no build, and leaves a pack already saved unchanged', async () => {
    const dir = await example();
    const args = ['pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--override-reason', 'papers to follow'];
    const saved = join(dir, 'pack.docx');
    expect((await run(...args, '--out', saved)).code).toBe(0);
    const before = readFileSync(saved);
    // A folder with the pack's name, and a file where a folder of its path should be.
    mkdirSync(join(dir, 'folder.docx'));
    const folder = await run(...args, '--out', join(dir, 'folder.docx'));
    expect(folder.code).toBe(2); // the --out given cannot be a pack file: as for bad usage
    expect(folder.err).toContain(`The pack could not be saved as ${join(dir, 'folder.docx')}: a folder has that name. Choose another file name. Nothing was written. The build is not in the pack history.`);
    const inFile = await run(...args, '--out', join(saved, 'inside.docx'));
    expect(inFile.code).toBe(2);
    expect(inFile.err).toMatch(/could not be saved as .*inside\.docx: part of its path is a file, not a folder/);
    expect(readFileSync(saved).equals(before)).toBe(true);
    // Through the operation itself, not only the CLI: the same refusal, and one build in the history.
    const store = QuorumStore.open(dir, { user: 'test', device: 'test', clock: testClock() });
    try {
      await expect(buildPackFile(store, { meetingId: 'meeting:ct-next', variant: 'public', out: join(dir, 'folder.docx'), clock: store.clock, overrideReason: 'papers to follow', workerFile: null })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/a folder has that name/) });
      expect(listRecords(store.data, 'packBuild').map((b) => b.fileName)).toEqual(['pack.docx']);
    } finally {
      store.close();
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('names what to do for each way a disk refuses a file the officer chose to save', () => {
    const failure = (code: string) => savedFileFailure(Object.assign(new Error(code), { code }), '/board/pack.pdf', 'The pack', 'The build is not in the pack history.');
    expect(failure('EBUSY')).toMatchObject({ code: 'file-locked', message: expect.stringContaining('open in another program (Word or a PDF reader, say). Close it and try again.') });
    expect(failure('EACCES')).toMatchObject({ code: 'file-locked', message: expect.stringContaining('Quorum may not write there') });
    expect(failure('ENOSPC')).toMatchObject({ code: 'disk-full', message: expect.stringContaining('the disk is full') });
    expect(failure('EROFS').message).toContain('the folder is read-only');
    expect(failure('EIO')).toMatchObject({ code: 'internal', message: 'The pack could not be saved as /board/pack.pdf: EIO. Nothing was written. The build is not in the pack history.' });
  });

  it('says as plainly why an export could not be saved', async () => {
    const dir = await example();
    mkdirSync(join(dir, 'agenda.docx'));
    const refused = await run('export', 'agenda', '--data', dir, '--meeting', 'meeting:ct-next', '--out', join(dir, 'agenda.docx'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain(`The file could not be saved as ${join(dir, 'agenda.docx')}: a folder has that name. Choose another file name. Nothing was written.`);
  });

  it('explains bad usage and unknown meetings', async () => {
    const dir = await example();
    expect(await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'secret', '--out', 'x.docx')).toMatchObject({ code: 2, err: expect.stringMatching(/--variant must be public or full/) });
    expect(await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'full', '--out', 'x.txt')).toMatchObject({ code: 2, err: expect.stringMatching(/must end in \.docx \(Word\) or \.pdf/) });
    expect(await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'full', '--out', 'x.pdf', '--format', 'docx')).toMatchObject({ code: 2, err: expect.stringMatching(/A Word pack’s file name must end in \.docx/) });
    expect(await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'full', '--out', 'x.pdf', '--format', 'rtf')).toMatchObject({ code: 2, err: expect.stringMatching(/docx or pdf, not “rtf”/) });
    expect(await run('pack', '--data', dir, '--meeting', 'meeting:nope', '--variant', 'full', '--out', join(dir, 'x.docx'))).toMatchObject({ code: 1, err: expect.stringMatching(/no meeting with id meeting:nope/) });
    expect(await run('pack', '--data', dir, '--meeting', 'next', '--board', 'board:nope', '--variant', 'full', '--out', join(dir, 'x.docx'))).toMatchObject({ code: 1, err: expect.stringMatching(/There is no board “board:nope”; the boards are: Children’s Trust \(board:childrens-trust\)/) });
  });

  it('reads the items to print: one, a range, or a list', async () => {
    const { parseItems } = await import('../../main/cli/pack');
    expect(parseItems('4')).toEqual([4]);
    expect(parseItems('4-6')).toEqual([4, 5, 6]);
    expect(parseItems('4, 6,8')).toEqual([4, 6, 8]);
    expect(() => parseItems('four')).toThrow(/item numbers such as 4, 4-6 or 4,6,8/);
    expect(() => parseItems('6-4')).toThrow(/not a range/);
  });

  it('builds a supplement of what came late, and says so when nothing has', async () => {
    const dir = await example();
    expect(await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', join(dir, 's.docx'), '--supplement', '--late-reason', 'x')).toMatchObject({ code: 2, err: expect.stringMatching(/No public pack has been saved for this meeting yet/) });
    await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', join(dir, 'pack.docx'), '--override-reason', 'to follow');
    expect(await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', join(dir, 's.docx'), '--supplement')).toMatchObject({ code: 2, err: expect.stringMatching(/--supplement needs --late-reason/) });
    expect(await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', join(dir, 's.docx'), '--supplement', '--late-reason', 'x')).toMatchObject({ code: 2, err: expect.stringMatching(/Nothing has arrived or changed since pack\.docx was saved/) });
    const store = QuorumStore.open(dir, { user: 'test', device: 'test', clock: testClock() });
    await store.run('paper:updateBody', { agendaItemId: 'agendaItem:next-5', body: '## Audit\n\nForty cases.' });
    store.close();
    // A supplement is not sent over errors in its own paper, whatever the reason given (as in the app): they are named, to fix first.
    const refused = await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', join(dir, 's.docx'), '--supplement', '--late-reason', 'The audit closed late', '--override-reason', 'summary to follow', '--json');
    expect(refused).toMatchObject({ code: 1 });
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, error: { code: 'preflight-failed', message: expect.stringMatching(/^Pre-flight found 1 error\(s\) in item 5; fix them first: .*no executive summary/) } });
    const fixing = QuorumStore.open(dir, { user: 'test', device: 'test', clock: testClock() });
    const item = findRecord(fixing.data, 'agendaItem', 'agendaItem:next-5')!;
    await fixing.run('paper:updateCoverSheet', { agendaItemId: item.id, coverSheet: { ...item.paper!.coverSheet, executiveSummary: 'Forty cases audited; three themes.' }, expectedRev: item.rev });
    fixing.close();
    const built = await run('pack', '--data', dir, '--meeting', 'next', '--variant', 'public', '--out', join(dir, 's.docx'), '--supplement', '--late-reason', 'The audit closed late', '--json');
    expect(built.code, built.err).toBe(0);
    expect(JSON.parse(built.out)).toMatchObject({ ok: true, title: 'Eastmere Children’s Trust Board, 15 December 2026: Supplement to the public pack' });
    const check = QuorumStore.open(dir, { user: 'test', device: 'test', mode: 'read', clock: testClock() });
    const supplement = listRecords(check.data, 'packBuild').find((b) => b.supplement)!;
    expect(supplement.supplement!.items).toEqual([{ number: 5, kind: 'late', lateReason: 'The audit closed late' }]);
    expect(check.journalEntries(1)[0].summary).toMatch(/Built the public supplement \(item 5\) for .* supplementing pack\.docx/);
    check.close();
  });
});
