import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordSchema, type QRecord } from '../../shared/schema/records';
import { EXEMPT_TEXT, joinRecord, placeRecord, placementsTouched } from '../../shared/team/placement';
import { generatePartTwo, type Spec } from '../fixtures/partTwo';
import { stamp } from '../docxPackage';

const specs = fc.record({
  open: fc.integer({ min: 0, max: 3 }),
  exempt: fc.integer({ min: 1, max: 3 }),
  paragraph: fc.constantFrom(1, 2, 3, 4, 5, 6, 7) as fc.Arbitrary<Spec['paragraph']>,
  markdownish: fc.constantFrom('# Heading', '- a\n- b', 'Plain'),
  publicTitle: fc.boolean(),
});

/** A full pack's history record names Part 2 items by their working titles. */
const withFullPack = (records: Record<string, QRecord>, secret: string): Record<string, QRecord> => ({
  ...records,
  'packBuild:full': stamp({
    id: 'packBuild:full',
    type: 'packBuild',
    meetingId: 'meeting:next',
    variant: 'full',
    fileName: 'full.pdf',
    format: 'pdf',
    pages: [{ text: secret, page: 3 }],
    filePath: '/tmp/full.pdf',
    bytes: 1,
    sha256: 'a'.repeat(64),
    builtAt: '2026-11-01T10:00:00.000Z',
    warnings: 0,
  }),
});

describe('where a record lives in team mode', () => {
  it('keeps every word of Part 2 out of the board database, and a cleared officer gets each record back whole', () => {
    fc.assert(
      fc.property(specs, (spec) => {
        const { data: generated, secrets } = generatePartTwo(spec);
        const data = { records: withFullPack(generated.records, 'ZQXPAGESQZX') };
        secrets.push('ZQXPAGESQZX');
        let exemptRecords = 0;
        for (const record of Object.values(data.records)) {
          const placed = placeRecord(data, record);
          const open = JSON.stringify(placed.open);
          for (const s of secrets) expect(open, `${record.id} shows ${s}`).not.toContain(s);
          expect(recordSchema.safeParse(placed.open).success, `${record.id} redacted is still a valid record`).toBe(true);
          expect(joinRecord(placed.open, placed.exempt)).toEqual(record);
          if (placed.exempt) exemptRecords++;
        }
        expect(exemptRecords).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });

  it('shows the public title and the paragraph in place of a Part 2 item, and a placeholder for its text', () => {
    const { data } = generatePartTwo({ open: 0, exempt: 1, paragraph: 3, markdownish: 'x', publicTitle: true });
    const { open, home } = placeRecord(data, data.records['agendaItem:next-0']);
    expect(home).toBe('board');
    expect(open).toMatchObject({ title: 'Public title next 0', part2: { paragraph: 3, reason: EXEMPT_TEXT }, minutes: EXEMPT_TEXT, paper: { body: EXEMPT_TEXT, status: 'received' } });
  });

  it('moves an item’s text and everything under it back to the board database when it leaves Part 2', () => {
    const { data } = generatePartTwo({ open: 0, exempt: 1, paragraph: 3, markdownish: 'x', publicTitle: false });
    const item = data.records['agendaItem:held-0'];
    if (item.type !== 'agendaItem') throw new Error('fixture');
    const { part2: _gone, ...opened } = item;
    const after = { records: { ...data.records, [item.id]: opened as QRecord } };
    const touched = placementsTouched(after, [item.id]);
    expect([...touched].sort()).toEqual(['action:held-0', 'actionUpdate:held-0', 'agendaItem:held-0', 'declaration:held-0', 'meeting:held', 'resolution:held-0']);
    for (const id of touched) expect(placeRecord(after, after.records[id]).exempt, id).toBeUndefined();
    expect(placeRecord(data, data.records['action:held-0']).exempt).toBeDefined();
  });

  it('sends a protocol to the partners’ database when a version leaves draft, with its comments; drafts stay with the officers', () => {
    const protocol = stamp({ id: 'protocol:p', type: 'protocol', title: 'Joint protocol', partyBoardIds: ['board:a', 'board:b'], reviewDate: '2027-01-01' });
    const version = (status: 'draft' | 'consultation') => stamp({ id: 'protocolVersion:v', type: 'protocolVersion', protocolId: 'protocol:p', version: 1, status, changeSummary: '', sections: [] });
    const comment = stamp({ id: 'protocolComment:c', type: 'protocolComment', protocolVersionId: 'protocolVersion:v', sectionKey: 'general', author: 'Priya Partner', organisationId: 'organisation:o', text: 'Fine', madeAt: '2026-11-01T10:00:00.000Z' });
    const data = (status: 'draft' | 'consultation') => ({ records: { [protocol.id]: protocol, 'protocolVersion:v': version(status), [comment.id]: comment } });
    for (const r of [protocol, version('draft'), comment]) expect(placeRecord(data('draft'), r).home, r.id).toBe('board');
    for (const r of [protocol, version('consultation'), comment]) expect(placeRecord(data('consultation'), r).home, r.id).toBe('partners');
    // Putting the version out to consultation moves the protocol and its comments with it.
    expect([...placementsTouched(data('consultation'), ['protocolVersion:v'])].sort()).toEqual(['protocol:p', 'protocolComment:c', 'protocolVersion:v']);
  });
});
