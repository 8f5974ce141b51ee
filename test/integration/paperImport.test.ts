import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { readPaperFile } from '../../main/services/papers';
import { findRecord } from '../../shared/data';
import { buildPack } from '../../shared/pack/build';
import { readImages } from '../../main/services/packs';
import { referencedImages } from '../../shared/pack/preflight';
import { assemblePack } from '../../shared/pack/model';
import { readPackage, TINY_PNG } from '../docxPackage';
import { mergedCellsPaper, numberedPaper, reviewedPaper, wordPaper } from '../fixtures/papers';
import { lexMarkdown } from '../../shared/pack/markdown/lex';
import type { Tokens } from 'marked';
import { stubPlatform, tempDir, testClock, storeBytesOnDisk } from '../helpers';
import { loadExample } from '../../main/services/example';

const setUp = async () => {
  const t = tempDir();
  const dataDir = join(t.dir, 'data');
  const session = new Session(dataDir, () => {}, { clock: testClock() });
  await loadExample(session.store);
  const pick = { file: null as string | null };
  const call = createDispatcher(createHandlers(session, stubPlatform({ chooseOpenFile: async () => pick.file })));
  return { t, dataDir, session, pick, call, close: () => (session.close(), t.cleanup()) };
};

let close = () => {};
afterEach(() => close());

describe('importing a paper', () => {
  it('turns a Word paper into Markdown with its structure, link and picture (kept with its alt text)', async () => {
    const env = await setUp();
    close = env.close;
    const file = join(env.t.dir, 'Neglect briefing.docx');
    writeFileSync(file, await wordPaper());
    const paper = await readPaperFile(file, env.dataDir);
    expect(paper.body).toMatch(/^# Neglect deep dive: briefing$/m);
    expect(paper.body).toMatch(/^## What the audit found$/m);
    expect(paper.body).toContain('**14%**');
    expect(paper.body).toMatch(/^- Graded care profile used in most cases$/m);
    expect(paper.body).toMatch(/^1\. Agree the neglect strategy$/m);
    // The unmarked first row becomes the header, so the table survives as a GFM table with headers.
    expect(paper.body).toMatch(/^\| Quarter \| Referrals \|\n\| --- \| --- \|\n\| Q1 \| 212 \|/m);
    expect(paper.notes.join(' ')).toMatch(/first row is used as the header/);
    expect(paper.body).toContain('[Working Together guidance](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2)');
    expect(paper.images).toHaveLength(1);
    expect(paper.body).toContain(`![Bar chart of neglect referrals by quarter](${paper.images[0]})`);
    expect(paper.images[0]).toMatch(/^images\/neglect-briefing-[0-9a-f]{12}\.png$/);
    expect(new Uint8Array(readFileSync(join(env.dataDir, paper.images[0])))).toEqual(TINY_PNG);
  });

  it('keeps every value of a table with merged cells under its own column, keeps two tables in a row apart, and says which table changed', async () => {
    const env = await setUp();
    close = env.close;
    const file = join(env.t.dir, 'Front door contacts.docx');
    writeFileSync(file, await mergedCellsPaper());
    const paper = await readPaperFile(file, env.dataDir);
    const tables = lexMarkdown(paper.body).filter((t): t is Tokens.Table => t.type === 'table');
    expect(tables).toHaveLength(2);
    const [area, teams] = tables.map((t) => [t.header, ...t.rows].map((r) => r.map((c) => c.text)));
    // Five columns in every row: the spanning "2025" and "2026" each keep their two quarters under them.
    expect(area).toEqual([
      ['Area', '2025', '', '2026', ''],
      ['', 'Q3 2025', 'Q4 2025', 'Q1 2026', 'Q2 2026'],
      ['North', '101', '102', '103', '104'],
      ['', '105', '106', '107', '108'],
      ['South', '201', '202', '203', '204'],
    ]);
    expect(teams).toEqual([
      ['Team', 'Lead'],
      ['Early help', 'Ann Ferris'],
    ]);
    expect(paper.body).toMatch(/\n\nEnd of the tables\.$/);
    expect(paper.notes.join(' ')).toMatch(/Table 1 has merged cells, which a pack table cannot hold\. They are now separate cells, each value in the first of the cells it covered/);
    expect(paper.notes.join(' ')).not.toMatch(/Table 2 has merged/);
  });

  it('keeps Word’s numbers: numbered headings, a list that carries on after a paragraph, and one that starts at 5', async () => {
    const env = await setUp();
    close = env.close;
    const file = join(env.t.dir, 'Strategy.docx');
    writeFileSync(file, await numberedPaper());
    const { body } = await readPaperFile(file, env.dataDir);
    const tokens = lexMarkdown(body);
    const headings = tokens.filter((t): t is Tokens.Heading => t.type === 'heading').map((t) => `${t.depth} ${t.text.replace(/\\/g, '')}`);
    expect(headings).toEqual(['1 1. Introduction', '2 1.1 Findings', '1 2. Recommendations']);
    const lists = tokens.filter((t): t is Tokens.List => t.type === 'list').map((l) => l.items.map((item, i) => `${Number(l.start) + i}. ${item.text}`));
    expect(lists).toEqual([['1. Agree the strategy', '2. Fund the audit'], ['3. Report back in April'], ['5. Fifth of the plan', '6. Sixth of the plan']]);
  });

  it('prints footnotes as numbered notes under the paper without back-arrows, and says what tracked changes and comments it found', async () => {
    const env = await setUp();
    close = env.close;
    const file = join(env.t.dir, 'Practice update.docx');
    writeFileSync(file, await reviewedPaper());
    const paper = await readPaperFile(file, env.dataDir);
    expect(paper.body).not.toContain('↑');
    expect(paper.body).toMatch(/Practice is good\\\[1\\\] and improving\\\[2\\\]\./);
    expect(paper.body).toMatch(/^#+ Notes\n\n1\. Ofsted inspection report, 2025\.\s+2\. Audit of 40 cases, autumn term\.$/m);
    const notes = paper.notes.join(' ');
    expect(notes).toMatch(/2 footnotes are printed as numbered notes at the end of the paper/);
    expect(notes).toMatch(/The paper had 2 tracked changes and 1 comment \(by Amira Haddad, Priya Nair\)\. The changes were accepted, as Word’s Accept All would\. The comments were left out\./);
    expect(paper.body).toContain('Referrals rose by 14% this year.');
    // Kept instead: the deletion struck through beside the insertion, the comment where it was made.
    const kept = await readPaperFile(file, env.dataDir, { reviewMarks: 'keep' });
    expect(kept.body).toContain('Referrals rose by ~~12%~~14% this year \\[Comment, Priya Nair: Is this figure for the year?\\].');
    expect(kept.notes.join(' ')).toMatch(/They were kept: deleted text is struck through and each comment is in square brackets where it was made/);
  });

  it('asks what becomes of tracked changes and comments before importing, then imports the file already chosen without asking for it again', async () => {
    const env = await setUp();
    close = env.close;
    env.pick.file = join(env.t.dir, 'Practice update.docx');
    writeFileSync(env.pick.file, await reviewedPaper());
    const item = 'agendaItem:next-6';
    const asked = await env.call('paper:import', { agendaItemId: item, replace: true });
    expect(asked).toMatchObject({ ok: true, value: { imported: false, sourceFile: 'Practice update.docx', reviewMarks: '2 tracked changes and 1 comment (by Amira Haddad, Priya Nair)' } });
    expect(findRecord(env.session.store.data, 'agendaItem', item)!.paper?.body ?? '').not.toContain('Referrals rose');
    env.pick.file = null; // the dialog is not opened again
    const kept = await env.call('paper:import', { agendaItemId: item, replace: true, reviewMarks: 'keep' });
    expect(kept).toMatchObject({ ok: true, value: { imported: true, sourceFile: 'Practice update.docx' } });
    expect(findRecord(env.session.store.data, 'agendaItem', item)!.paper!.body).toContain('~~12%~~14%');
  });

  it('puts the imported paper on the agenda item through the bridge, and the pack carries it with its picture', async () => {
    const env = await setUp();
    close = env.close;
    env.pick.file = join(env.t.dir, 'Neglect briefing.docx');
    writeFileSync(env.pick.file, await wordPaper());
    const before = await env.call('pack:preflight', { meetingId: 'meeting:ct-next', variant: 'public' });
    const missing = (r: unknown) => (r as { value: { problems: { code: string; fix: { id: string } }[] } }).value.problems.filter((p) => p.code === 'paper-missing').map((p) => p.fix.id);
    expect(missing(before)).toContain('agendaItem:next-5');

    const result = await env.call('paper:import', { agendaItemId: 'agendaItem:next-5' });
    expect(result).toMatchObject({ ok: true, value: { imported: true, sourceFile: 'Neglect briefing.docx', images: 1 } });
    const item = findRecord(env.session.store.data, 'agendaItem', 'agendaItem:next-5')!;
    expect(item.paper).toMatchObject({ status: 'received', receivedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(item.paper!.coverSheet.author).toBe('Amira Haddad'); // the cover sheet is kept
    const after = await env.call('pack:preflight', { meetingId: 'meeting:ct-next', variant: 'public' });
    expect(missing(after)).not.toContain('agendaItem:next-5');
    const journal = readFileSync(join(env.dataDir, 'journal.jsonl'), 'utf8');
    expect(journal).toContain('Imported the paper for “Deep dive: neglect and the graded care profile” from Neglect briefing.docx');

    const data = env.session.store.data;
    const model = assemblePack(data, 'meeting:ct-next', 'public', '2026-11-23');
    const { bytes } = await buildPack(data, { meetingId: 'meeting:ct-next', variant: 'public', today: '2026-11-23', builtAt: '2026-11-23T10:00:00Z', images: readImages(env.dataDir, referencedImages(model)) });
    const pkg = readPackage(bytes);
    expect(Object.keys(pkg.parts).some((p) => p.startsWith('word/media/'))).toBe(true);
    expect(pkg.document).toContain('descr="Bar chart of neglect referrals by quarter"');
    expect(pkg.text).toContain('Graded care profile used in most cases');
  });

  it('asks before replacing a paper already received, and imports over it once confirmed', async () => {
    const env = await setUp();
    close = env.close;
    env.pick.file = join(env.t.dir, 'progress.md');
    writeFileSync(env.pick.file, '# Progress\n\nThe front door now meets its timescales.\n');
    const refused = await env.call('paper:import', { agendaItemId: 'agendaItem:next-4' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('already has a paper') } });
    expect(findRecord(env.session.store.data, 'agendaItem', 'agendaItem:next-4')!.paper!.body).toContain('improvement plan');
    expect(await env.call('paper:import', { agendaItemId: 'agendaItem:next-4', replace: true })).toMatchObject({ ok: true, value: { imported: true } });
    expect(findRecord(env.session.store.data, 'agendaItem', 'agendaItem:next-4')!.paper!.body).toBe('# Progress\n\nThe front door now meets its timescales.');
  });

  it('copies pictures beside a Markdown paper into the data folder and rewrites their links', async () => {
    const env = await setUp();
    close = env.close;
    mkdirSync(join(env.t.dir, 'charts'));
    writeFileSync(join(env.t.dir, 'charts', 'q2.png'), TINY_PNG);
    const md = join(env.t.dir, 'cypp.md');
    writeFileSync(md, '\uFEFF# Plan\r\n\r\n![Line chart of school readiness](charts/q2.png)\r\n\r\n![Missing](charts/none.png)\r\n');
    const paper = await readPaperFile(md, env.dataDir);
    expect(paper.body).toMatch(/^# Plan\n\n!\[Line chart of school readiness\]\(images\/cypp-[0-9a-f]{12}\.png\)/);
    expect(existsSync(join(env.dataDir, paper.images[0]))).toBe(true);
    expect(paper.body).toContain('](charts/none.png)');
    expect(paper.notes.join(' ')).toContain('could not be found');
  });

  it('takes pictures only from the paper’s own folder: an absolute, ../ or linked-out picture is refused and said so', async () => {
    const env = await setUp();
    close = env.close;
    const secret = join(env.t.dir, 'private', 'salary-scan.png');
    mkdirSync(join(env.t.dir, 'private'));
    writeFileSync(secret, TINY_PNG);
    mkdirSync(join(env.t.dir, 'papers', 'charts'), { recursive: true });
    writeFileSync(join(env.t.dir, 'papers', 'charts', 'ok.png'), TINY_PNG);
    symlinkSync(secret, join(env.t.dir, 'papers', 'charts', 'link.png'));
    const md = join(env.t.dir, 'papers', 'report.md');
    writeFileSync(md, `# Report\n\n![Chart](charts/ok.png)\n\n![Up](../private/salary-scan.png)\n\n![Absolute](${secret})\n\n![Linked](charts/link.png)\n`);
    const paper = await readPaperFile(md, env.dataDir);
    expect(paper.images).toHaveLength(1);
    expect(readdirSync(join(env.dataDir, 'images'))).toHaveLength(1);
    expect(paper.body).toContain('](../private/salary-scan.png)');
    expect(paper.notes.join(' ')).toMatch(/3 pictures were not imported because they are outside the paper’s own folder \(\.\.\/private\/salary-scan\.png, .*\)\. A paper may use pictures only from its own folder/);
    // Imported onto an item, the pack cannot reach the refused pictures either: pre-flight lists them.
    env.pick.file = md;
    expect(await env.call('paper:import', { agendaItemId: 'agendaItem:next-4', replace: true })).toMatchObject({ ok: true });
    const report = await env.call('pack:preflight', { meetingId: 'meeting:ct-next', variant: 'public' });
    expect(JSON.stringify(report)).toMatch(/salary-scan\.png/);
  });

  it('refuses files that are not papers with a clear message, and leaves the store byte for byte as it was', async () => {
    const env = await setUp();
    close = env.close;
    const storeBefore = storeBytesOnDisk(env.dataDir);
    const cases: [string, Uint8Array | string, RegExp][] = [
      ['renamed.docx', 'This is plain text, not Word', /is not a Word document/],
      ['spreadsheet.docx', zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), /could not be read as a Word document/],
      ['old.docx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /older Word file \(\.doc\) or is protected with a password/],
      ['minutes.doc', 'x', /older Word file/],
      ['binary.md', Uint8Array.from([0x23, 0x20, 0x00, 0x01]), /not a text file/],
      ['latin1.md', Uint8Array.from([0x43, 0x61, 0x66, 0xe9]), /not UTF-8 text/],
      ['empty.md', '', /is empty/],
      ['blank.md', '   \n\n', /has no text to import/],
      ['report.pdf', '%PDF-1.7', /choose a Word document \(\.docx\) or a Markdown file/],
    ];
    for (const [name, contents, message] of cases) {
      env.pick.file = join(env.t.dir, name);
      writeFileSync(env.pick.file, contents);
      const result = await env.call('paper:import', { agendaItemId: 'agendaItem:next-6' });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(message) } });
    }
    env.pick.file = null;
    expect(await env.call('paper:import', { agendaItemId: 'agendaItem:next-6' })).toMatchObject({ ok: true, value: { imported: false } });
    expect(await env.call('paper:import', { agendaItemId: 'meeting:ct-next' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await env.call('paper:import', { agendaItemId: 'agendaItem:gone' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(storeBytesOnDisk(env.dataDir).equals(storeBefore)).toBe(true);
  });
});
