import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { listRecords } from '../../shared/data';
import { readReturnedCopy } from '../../shared/protocol/returnedCopy';
import { returnedCopy } from '../fixtures/returnedCopy';
import { stubPlatform, tempDir, testClock, storeBytesOnDisk } from '../helpers';
import { loadExample } from '../../main/services/example';

const setUp = async () => {
  const t = tempDir();
  const session = new Session(join(t.dir, 'data'), () => {}, { clock: testClock() });
  await loadExample(session.store);
  const pick = { file: null as string | null };
  const call = createDispatcher(createHandlers(session, stubPlatform({ chooseOpenFile: async () => pick.file })));
  return { t, session, pick, call, close: () => (session.close(), t.cleanup()) };
};
let close = () => {};
afterEach(() => close());

const imported = (env: Awaited<ReturnType<typeof setUp>>, since: number) =>
  listRecords(env.session.store.data, 'protocolComment')
    .filter((c) => c.protocolVersionId === 'protocolVersion:boards-v1')
    .slice(since)
    .map((c) => `${c.sectionKey} | ${c.author} | ${c.organisationId} | ${c.text}`);

describe('a partner’s returned Word copy', () => {
  it('reads the comments with their passages and the tracked changes, leaving out the export’s own revisions', async () => {
    const copy = readReturnedCopy(await returnedCopy({ versionId: 'protocolVersion:boards-v1' }));
    expect(copy.versionId).toBe('protocolVersion:boards-v1');
    expect(copy.items.map((i) => `${i.kind} ${i.author} ${i.section?.number} ${i.anchor || i.text}`)).toEqual([
      'comment DCI Mark Ellery 2 Safeguarding Children Partnership',
      'deletion Beth Arnold 3 may ask',
      'insertion Beth Arnold 3 may require',
      'insertion DCI Mark Ellery 4 , including tackling exploitation',
      'comment J. Bloggs 5 reviewed every year',
    ]);
  });

  it('puts a comment on a whole paragraph in the section where its passage starts, even when Word ends the range in the next section’s heading', async () => {
    const doc = new Document({
      comments: { children: [{ id: 7, author: 'Kofi Mensah', initials: 'KM', date: new Date('2026-11-21T09:00:00Z'), children: [new Paragraph('Say who starts the review.')] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: '4. Shared priorities', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ children: [new CommentRangeStart(7), new TextRun('The boards agree shared priorities each year.')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new CommentRangeEnd(7), new TextRun({ children: [new CommentReference(7)] }), new TextRun('5. Review')] }),
            new Paragraph('This protocol is reviewed every year.'),
          ],
        },
      ],
    });
    const copy = readReturnedCopy(await Packer.toBuffer(doc));
    expect(copy.items.map((i) => `${i.section?.number} ${i.anchor}`)).toEqual(['4 The boards agree shared priorities each year.']);
  });

  it('attaches each to its section with the partner and organisation, and says who was not known', async () => {
    const env = await setUp();
    close = env.close;
    const before = listRecords(env.session.store.data, 'protocolComment').filter((c) => c.protocolVersionId === 'protocolVersion:boards-v1').length;
    env.pick.file = join(env.t.dir, 'Protocol v1 - police and health.docx');
    writeFileSync(env.pick.file, await returnedCopy({ versionId: 'protocolVersion:boards-v1' }));
    const result = await env.call('protocols:importReturned', { protocolVersionId: 'protocolVersion:boards-v1', organisationId: 'organisation:council' });
    expect(result).toMatchObject({ ok: true, value: { imported: true, comments: 4 } });
    expect(imported(env, before)).toEqual([
      's2 | DCI Mark Ellery | organisation:police | On “Safeguarding Children Partnership”: Name the police here as a safeguarding partner.',
      's5 | J. Bloggs | organisation:council | On “reviewed every year”: Every two years would be enough.',
      's3 | Beth Arnold | organisation:icb | Proposed change in Word: delete “may ask”; insert “may require”.',
      's4 | DCI Mark Ellery | organisation:police | Proposed change in Word: insert “, including tackling exploitation”.',
    ]);
    const reports = (result as { value: { reports: string[] } }).value.reports;
    expect(reports).toEqual(['J. Bloggs is not among Quorum’s people; their comment is recorded under Eastmere Borough Council, the organisation that returned the copy.']);
    expect(readFileSync(join(env.session.dataDir, 'journal.jsonl'), 'utf8')).toContain('Imported 4 comments on version 1 from Protocol v1 - police and health.docx');
  });

  it('matches a copy of another version with moved and renamed sections by number and heading, and reports each mismatch', async () => {
    const env = await setUp();
    close = env.close;
    const before = listRecords(env.session.store.data, 'protocolComment').filter((c) => c.protocolVersionId === 'protocolVersion:boards-v1').length;
    env.pick.file = join(env.t.dir, 'old copy.docx');
    writeFileSync(env.pick.file, await returnedCopy({ versionId: 'protocolVersion:boards-v0', sections: 'reordered' }));
    const result = await env.call('protocols:importReturned', { protocolVersionId: 'protocolVersion:boards-v1', organisationId: 'organisation:council' });
    expect(result).toMatchObject({ ok: true, value: { imported: true, comments: 5 } });
    const rows = imported(env, before);
    expect(rows).toHaveLength(5);
    expect(rows).toContainEqual(expect.stringMatching(/^s2 \| DCI Mark Ellery \| .*Name the police/));
    expect(rows).toContainEqual(expect.stringMatching(/^s4 \| DCI Mark Ellery \| .*tackling exploitation/));
    expect(rows).toContainEqual(expect.stringMatching(/^general \| Beth Arnold \| .*Spell out MASH/));
    const reports = (result as { value: { reports: string[] } }).value.reports;
    expect(reports).toEqual(
      expect.arrayContaining([
        'This copy is of version 0, not version 1: sections were matched by number and heading.',
        'Section 2 (“Shared priorities”) in the copy is section 4 in this version; its comments are attached there.',
        'Section 4 (“Roles of each board”) in the copy is section 2 in this version; its comments are attached there.',
        'Section 5 is “Review and revision” in the copy but “Review” in this version; its comments are attached to section 5 by number. Check they belong there.',
        'Section 6 (“Glossary”) in the copy is not in this version; its comments are attached to the protocol as a whole.',
      ]),
    );
  });

  it('refuses a file that is not a Word copy, and changes nothing', async () => {
    const env = await setUp();
    close = env.close;
    const store = storeBytesOnDisk(env.session.dataDir);
    env.pick.file = join(env.t.dir, 'notes.docx');
    writeFileSync(env.pick.file, 'not a zip');
    expect(await env.call('protocols:importReturned', { protocolVersionId: 'protocolVersion:boards-v1', organisationId: 'organisation:council' })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('not a Word document') } });
    env.pick.file = join(env.t.dir, 'notes.pdf');
    writeFileSync(env.pick.file, '%PDF');
    expect(await env.call('protocols:importReturned', { protocolVersionId: 'protocolVersion:boards-v1', organisationId: 'organisation:council' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(storeBytesOnDisk(env.session.dataDir).equals(store)).toBe(true);
  });
});
