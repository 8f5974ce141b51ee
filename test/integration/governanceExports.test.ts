import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { QuorumStore } from '../../main/services/store/store';
import { findRecord } from '../../shared/data';
import { readPackage, xmlProblems } from '../docxPackage';
import { runCli, useExampleFolders, testClock } from '../helpers';
import { secondVersion } from '../fixtures/protocols';

const { example } = useExampleFolders();

const textOf = (xml: string) => [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((m) => m[1]).join('');

describe('the protocol with tracked changes', () => {
  it('marks exactly the changed words as w:ins and w:del against the last agreed version', async () => {
    const dir = await example();
    const v2 = await secondVersion(dir);
    const file = join(dir, 'tracked.docx');
    const r = await runCli('export', 'protocol', '--data', dir, '--protocol', 'protocol:boards', '--tracked-changes', '--out', file);
    expect(r.code, r.err).toBe(0);
    const pkg = readPackage(readFileSync(file));
    expect(xmlProblems(pkg)).toEqual([]);
    const doc = pkg.document;
    const inserted = [...doc.matchAll(/<w:ins [^>]*>([\s\S]*?)<\/w:ins>/g)].map((m) => textOf(m[1]));
    const deleted = [...doc.matchAll(/<w:del [^>]*>([\s\S]*?)<\/w:del>/g)].map((m) => textOf(m[1]));
    expect(deleted).toEqual(['ask']);
    expect(inserted).toEqual(['require', ' The Integrated Care Board reports to the Health and Wellbeing Board.']);
    // By the secretariat officer named in Settings (the partnership's contact), dated when the
    // version was saved; never by the computer's login that saved it, nor "Quorum".
    expect(doc).toMatch(new RegExp(`<w:ins [^>]*w:author="Joan Fairley" w:date="${v2.updatedAt.slice(0, 19)}`));
    expect(doc).not.toMatch(/w:author="(Quorum|aclerk)"/);
    expect(pkg.parts['docProps/custom.xml']).toContain('Joan Fairley');
    // Unchanged sections are plain text.
    expect(doc).toContain('This protocol sets out how the three boards work together');
    expect(pkg.parts['word/settings.xml']).toContain('<w:trackRevisions/>');
    expect(pkg.parts['docProps/custom.xml']).toContain(v2.id);
  });

  it('tracks a removed paragraph as deleted and an added one as inserted, on the paragraph mark too (w:pPr/w:rPr)', async () => {
    const dir = await example();
    const store = QuorumStore.open(dir, { user: 'aclerk', device: 'test', clock: testClock() });
    try {
      for (const [boardId, date] of [['board:childrens-trust', '2026-12-15'], ['board:safeguarding', '2027-01-07'], ['board:hwb', '2027-01-13']])
        await store.run('protocols:signOff', { protocolVersionId: 'protocolVersion:boards-v1', boardId, date, minuteRef: '', unansweredReason: 'Open comments go to the annual review' });
      const v1 = findRecord(store.data, 'protocolVersion', 'protocolVersion:boards-v1')!;
      const sections = v1.sections.map((s) =>
        s.key === 's2' ? { ...s, body: s.body.split('\n').filter((line) => !line.includes('assures multi-agency safeguarding')).join('\n') } : s.key === 's4' ? { ...s, body: `${s.body}\n\nPriorities are reviewed with children and families each spring.` } : s,
      );
      await store.run('protocols:saveDraft', { protocolId: 'protocol:boards', sections, changeSummary: 'The partnership’s line moves to its own protocol; a spring review' });
    } finally {
      store.close();
    }
    const file = join(dir, 'tracked.docx');
    expect((await runCli('export', 'protocol', '--data', dir, '--protocol', 'protocol:boards', '--tracked-changes', '--out', file)).code).toBe(0);
    const paragraphs = [...readPackage(readFileSync(file)).document.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const removed = paragraphs.find((p) => textOf(p).includes('assures multi-agency safeguarding'))!;
    const added = paragraphs.find((p) => textOf(p).includes('reviewed with children and families each spring'))!;
    const markOf = (p: string) => p.match(/<w:pPr>[\s\S]*?<w:rPr>([\s\S]*?)<\/w:rPr>[\s\S]*?<\/w:pPr>/)?.[1] ?? '';
    // Reject All must give the paragraph back, Accept All take it away (ECMA-376 §17.13.5.15, §17.13.5.16).
    expect(removed).toMatch(/<w:delText[^>]*>[^<]*assures multi-agency safeguarding/);
    expect(markOf(removed)).toMatch(/^<w:del w:id="\d+" w:author="Joan Fairley"/);
    expect(removed).not.toMatch(/<w:ins /);
    // Added after a paragraph that stays, as Word marks a paragraph begun with Enter: the kept
    // paragraph's mark is the inserted one, and the added text ends with the mark it had.
    const before = paragraphs[paragraphs.indexOf(added) - 1];
    expect(markOf(before)).toMatch(/^<w:ins w:id="\d+" w:author="Joan Fairley"/);
    expect(added).toMatch(/^<w:p>(?:<w:pPr>(?:(?!<w:ins)[\s\S])*?<\/w:pPr>)?<w:ins w:id="\d+" w:author="Joan Fairley"[^>]*><w:r><w:t[^>]*>Priorities are reviewed with children and families each spring\.<\/w:t><\/w:r><\/w:ins><\/w:p>$/);
    expect(added).not.toMatch(/<w:del /);
  });

  it('says there is nothing to compare when no version has been agreed', async () => {
    const dir = await example();
    const file = join(dir, 'v1.docx');
    expect((await runCli('export', 'protocol', '--data', dir, '--protocol', 'protocol:boards', '--tracked-changes', '--out', file)).code).toBe(0);
    const pkg = readPackage(readFileSync(file));
    expect(pkg.document).not.toContain('<w:ins ');
    expect(pkg.text).toContain('There is no earlier agreed version to compare with');
  });
});

describe('governance documents in Word', () => {
  it('writes the protocol with its version table, sign-off table and numbered sections', async () => {
    const dir = await example();
    const file = join(dir, 'protocol.docx');
    expect((await runCli('export', 'protocol', '--data', dir, '--protocol', 'protocol:boards', '--out', file)).code).toBe(0);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(file) })).value;
    for (const s of ['Version history', 'First draft for consultation with partners.', 'Sign-off by the boards', 'Eastmere Children’s Trust Board', 'Not yet', '1. Purpose', '3. Reporting and challenge', '5. Review']) expect(text).toContain(s);
  });

  it('writes a board’s terms of reference with membership, quorum and review date', async () => {
    const dir = await example();
    const file = join(dir, 'tor.docx');
    const r = await runCli('export', 'tor', '--data', dir, '--board', 'board:childrens-trust', '--out', file);
    expect(r.code, r.err).toBe(0);
    const text = (await mammoth.extractRawText({ buffer: readFileSync(file) })).value;
    for (const s of ['Eastmere Children’s Trust Board: terms of reference', 'Purpose', 'Membership', 'Deputy allowed', 'A third of members, including the chair or vice-chair and at least three agencies', 'Meetings a year']) expect(text).toContain(s);
    expect((await runCli('export', 'tor', '--data', dir, '--out', file)).code).toBe(2);
    expect((await runCli('export', 'protocol', '--data', dir, '--protocol', 'protocol:boards', '--version', '9', '--out', file)).code).toBe(1);
  });
});
