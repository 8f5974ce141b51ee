import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { serialize } from '../../main/services/store/adapter';
import { exampleData } from '../docxPackage';

describe('writing the store file', () => {
  it('writes exactly what JSON.stringify would, however the records were cached', () => {
    const data = { format: 'quorum-store', schemaVersion: 1, savedAt: '2026-11-23T09:00:00.000Z', journal: { seq: 3, head: 'ab' }, records: exampleData().records };
    expect(serialize(data)).toBe(JSON.stringify(data));
    // A changed record (a new object) is serialised afresh; the others come from the cache.
    const [id, first] = Object.entries(data.records)[0];
    const changed = { ...data, records: { ...data.records, [id]: { ...first, rev: 99 } } };
    expect(serialize(changed)).toBe(JSON.stringify(changed));
    expect(JSON.parse(serialize(changed)).records[id].rev).toBe(99);
  });

  it('matches JSON.stringify for any records', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.object()), fc.string(), (records, savedAt) => {
        const data = { format: 'quorum-store', savedAt, records };
        expect(serialize(data)).toBe(JSON.stringify(data));
      }),
      { numRuns: 200 },
    );
  });
});
