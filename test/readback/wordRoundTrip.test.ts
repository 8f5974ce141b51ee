import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuorumStore } from '../../main/services/store/store';
import { listRecords } from '../../shared/data';
import { runCli, testClock, useExampleFolders } from '../helpers';
import { readFileSync } from 'node:fs';
import { commentByLibreOffice, partnerCopyByLibreOffice, withLibreOffice } from '../soffice';
import { readReturnedCopy } from '../../shared/protocol/returnedCopy';
import { planReturnedCopy } from '../../shared/protocol/planReturnedCopy';
import { WAIT } from '../waits';

const { example } = useExampleFolders();

/** The agreed version: paragraphs, a numbered and a bulleted list, a table, four sections. */
const AGREED = [
  { key: 'a', number: '1', heading: 'Purpose', body: 'The boards work together so that children are safe.\n\nThey meet as one twice a year.' },
  { key: 'b', number: '2', heading: 'Duties', body: 'Each board:\n\n1. publishes its plan;\n2. reports each year;\n3. answers challenge.\n\n- The chairs meet each quarter.\n- The officers meet each month.' },
  { key: 'c', number: '3', heading: 'Contacts', body: '| Board | Contact |\n| --- | --- |\n| Children’s Trust | Ann Clerk |\n| Safeguarding Partnership | Bob Reid |' },
  { key: 'd', number: '4', heading: 'Old arrangements', body: 'The former forum is wound up.' },
];
/** The new version: reworded, added and removed paragraphs, list items and table rows; a section gone, one added, one renamed. */
const PROPOSED = [
  { key: 'a', number: '1', heading: 'Purpose and scope', body: 'The boards work together so that children are safe and well.\n\nThis covers every child in the area.' },
  { key: 'b', number: '2', heading: 'Duties', body: 'Each board:\n\n1. publishes its plan;\n2. answers challenge;\n3. shares its risks.\n\n- The chairs meet each quarter.\n- The officers meet each month.\n- The analysts meet as needed.' },
  { key: 'c', number: '3', heading: 'Contacts', body: '| Board | Contact |\n| --- | --- |\n| Children’s Trust | Ann Clerk |\n| Safeguarding Partnership | Cara Jones |\n| Health and Wellbeing Board | Dev Shah |' },
  { key: 'e', number: '4', heading: 'Review', body: 'The protocol is reviewed each year.' },
];

const protocolWithTwoVersions = async (dir: string, agreed = AGREED, proposed = PROPOSED) => {
  const store = QuorumStore.open(dir, { user: 'Ann Clerk', device: 'test', clock: testClock() });
  try {
    const boards = ['board:childrens-trust', 'board:safeguarding'] as const;
    const { changes } = await store.run('protocols:create', { title: 'Information sharing protocol', partyBoardIds: [...boards], reviewDate: '2027-11-01', sections: agreed });
    const protocolId = changes.find((c) => c.id.startsWith('protocol:'))!.id as `protocol:${string}`;
    const v1 = listRecords(store.data, 'protocolVersion').find((v) => v.protocolId === protocolId)!;
    await store.run('protocols:startConsultation', { protocolVersionId: v1.id });
    for (const boardId of boards) await store.run('protocols:signOff', { protocolVersionId: v1.id, boardId, date: '2026-11-20', minuteRef: '' });
    await store.run('protocols:saveDraft', { protocolId, sections: proposed, changeSummary: 'Scope, duties, contacts and review' });
    return protocolId;
  } finally {
    store.close();
  }
};

/** The tracked copy of version 2, and versions 1 (agreed) and 2 (proposed) as they stand, into the data folder. */
const exportThreeCopies = async (dir: string, protocolId: string) => {
  for (const [file, args] of [
    ['tracked.docx', ['--version', '2', '--tracked-changes']],
    ['agreed.docx', ['--version', '1']],
    ['proposed.docx', ['--version', '2']],
  ] as const) {
    const r = await runCli('export', 'protocol', '--data', dir, '--protocol', protocolId, ...args, '--out', join(dir, file));
    expect(r.code, r.err).toBe(0);
  }
};

/** The numbered sections as LibreOffice reads them: from the first section heading on. */
const sectionsText = (lines: string[], first = /^1\. Purpose/) => lines.slice(lines.findIndex((l) => first.test(l)));

describe('tracked changes that round-trip through LibreOffice', () => {
  it('gives back the agreed version exactly on Reject All and the new version on Accept All, lists, tables and paragraph breaks included', async () => {
    const dir = await example();
    const protocolId = await protocolWithTwoVersions(dir);
    const out = (name: string) => join(dir, name);
    await exportThreeCopies(dir, protocolId);
    const agreed = sectionsText(withLibreOffice('text', out('agreed.docx')));
    const proposed = sectionsText(withLibreOffice('text', out('proposed.docx')));
    expect(agreed).toContain('Bob Reid');
    expect(proposed).toContain('Dev Shah');
    expect(sectionsText(withLibreOffice('reject', out('tracked.docx')))).toEqual(agreed);
    expect(sectionsText(withLibreOffice('accept', out('tracked.docx')))).toEqual(proposed);
  }, WAIT.readBack);

  it('keeps bold, italics, links, list levels and table rows through Accept All and Reject All, run by run', async () => {
    const agreed = [
      { key: 'a', number: '1', heading: 'Sharing', body: 'Partners share **risk information** within *two working days*, as set out in the [guidance](https://www.gov.uk/guidance).' },
      { key: 'b', number: '2', heading: 'Who shares', body: '1. **Police** share:\n   - incidents;\n   - arrests.\n2. Health share records.' },
      { key: 'c', number: '3', heading: 'Leads', body: '| Board | Lead |\n| --- | --- |\n| Children’s Trust | **Ann Clerk** |\n| Safeguarding | [Cara Jones](mailto:cara@example.org) |\n\n### Contacts out of hours\n\nThe duty manager.' },
    ];
    const proposed = [
      { key: 'a', number: '1', heading: 'Sharing', body: 'Partners share **all risk information** within *one working day*, as set out in the [updated guidance](https://www.gov.uk/guidance-2026).' },
      { key: 'b', number: '2', heading: 'Who shares', body: '1. **Police** share:\n   - incidents;\n   - arrests;\n   - *missing children*.\n2. Health share **records**.' },
      // A row added at the table's end, just before a heading that changed too: the row stays in its table.
      { key: 'c', number: '3', heading: 'Leads', body: '| Board | Lead |\n| --- | --- |\n| Children’s Trust | **Ann Clerk** |\n| Safeguarding | [Cara Jones](mailto:cara.jones@example.org) |\n| Health and Wellbeing | **Dev Shah** |\n\n### Out-of-hours contacts\n\nThe duty manager.' },
    ];
    const dir = await example();
    const protocolId = await protocolWithTwoVersions(dir, agreed, proposed);
    const out = (name: string) => join(dir, name);
    await exportThreeCopies(dir, protocolId);
    const runsOf = (mode: 'text-runs' | 'accept-runs' | 'reject-runs', file: string) => sectionsText(withLibreOffice(mode, out(file)), /^\*\*1\. Sharing/);
    const agreedRuns = runsOf('text-runs', 'agreed.docx');
    const proposedRuns = runsOf('text-runs', 'proposed.docx');
    // What is compared: formatting, links and list levels, as LibreOffice holds them.
    expect(agreedRuns).toContain('Partners share **risk information** within _two working days_, as set out in the <https://www.gov.uk/guidance|guidance>.');
    expect(proposedRuns).toContain('[1] _missing children_.');
    expect(proposedRuns).toContain('**Dev Shah**');
    expect(runsOf('reject-runs', 'tracked.docx')).toEqual(agreedRuns);
    expect(runsOf('accept-runs', 'tracked.docx')).toEqual(proposedRuns);

    // Sent back as it was, straight or saved again by a partner's LibreOffice: nothing in it is
    // taken for a partner's change or a difference from the text sent, Quorum's own changes included.
    const store = QuorumStore.open(dir, { user: 'Ann Clerk', device: 'test', clock: testClock(), mode: 'read' });
    try {
      const v2 = listRecords(store.data, 'protocolVersion').find((v) => v.protocolId === protocolId && v.version === 2)!;
      for (const copy of [out('tracked.docx'), partnerCopyByLibreOffice(out('tracked.docx'), { author: 'Kofi Mensah' })]) {
        const plan = planReturnedCopy(store.data, v2.id, readReturnedCopy(readFileSync(copy)), 'organisation:healthwatch', '2026-12-01T12:00:00.000Z');
        expect(plan.comments, copy).toEqual([]);
      }
    } finally {
      store.close();
    }
  }, WAIT.readBack);

  it('reads back everything a partner did in LibreOffice: a deletion inside the officer’s insertion, a comment at the end of a paragraph, and a rejected change', async () => {
    const dir = await example();
    const protocolId = await protocolWithTwoVersions(dir);
    const tracked = join(dir, 'tracked.docx');
    expect((await runCli('export', 'protocol', '--data', dir, '--protocol', protocolId, '--version', '2', '--tracked-changes', '--out', tracked)).code).toBe(0);
    // Kofi Mensah rejects "and well", strikes "as needed" out of a new list item, and comments on the last words of the Review section.
    const edited = partnerCopyByLibreOffice(tracked, { author: 'Kofi Mensah', reject: ' and well', deleteInInsertion: 'as needed' });
    const returned = commentByLibreOffice(edited, { author: 'Kofi Mensah', passage: 'reviewed each year.', text: 'Who starts the review?' });

    const store = QuorumStore.open(dir, { user: 'Ann Clerk', device: 'test', clock: testClock(), mode: 'read' });
    try {
      const v2 = listRecords(store.data, 'protocolVersion').find((v) => v.protocolId === protocolId && v.version === 2)!;
      const copy = readReturnedCopy(readFileSync(returned));
      expect(copy.versionId).toBe(v2.id);
      const plan = planReturnedCopy(store.data, v2.id, copy, 'organisation:healthwatch', '2026-12-01T12:00:00.000Z');
      const bySection = (key: string) => plan.comments.filter((c) => c.sectionKey === key).map((c) => c.text);
      // The deletion is the partner's own tracked change, found inside the officer's insertion.
      expect(bySection('b')).toEqual([expect.stringMatching(/^Proposed change in Word: delete “as needed”\.$/)]);
      // The comment on the last words of a paragraph is on its section, with its passage.
      expect(bySection('e')).toEqual(['On “reviewed each year.”: Who starts the review?']);
      // The rejected insertion leaves no mark in the file: found by comparing with the text sent.
      expect(bySection('a')).toEqual([expect.stringMatching(/differs from the text sent, with no tracked change to show it .*: not kept “and well”\.$/)]);
      expect(plan.comments.filter((c) => c.sectionKey === 'general')).toEqual([]);
    } finally {
      store.close();
    }
  }, WAIT.readBack);
});
