import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { generatePartTwo } from '../../fixtures/partTwo';
import { yearlyReportSpec } from '../../../shared/exports/yearlyReportExport';
import { wordOfSpec } from '../../../shared/exports/document';
import { documentHtml } from '../../../shared/pack/html/document';
import { WAIT } from '../../waits';

/**
 * The confidentiality property extended to the yearly report: the draft for publication (Word and
 * the HTML its PDF is printed from) counts the Part 2 items but carries none of their words; the
 * full draft, not for publication, carries them.
 */
const words = (bytes: Uint8Array) => Object.values(unzipSync(bytes)).map((b) => strFromU8(b, true)).join('\n');

describe('yearly report confidentiality', () => {
  it('keeps every piece of Part 2 text out of the draft for publication, and carries it in the full draft', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ open: fc.integer({ min: 0, max: 3 }), exempt: fc.integer({ min: 1, max: 3 }), paragraph: fc.constantFrom(1, 2, 3, 4, 5, 6, 7), markdownish: fc.constantFrom('', '# Heading', '- a\n- b'), publicTitle: fc.boolean() }),
        async (spec) => {
          const { data, secrets } = generatePartTwo(spec);
          const req = { boardId: 'board:b', from: '2026-01-01', to: '2026-11-20', holidays: new Set<string>(), today: '2026-11-20' };
          const pub = yearlyReportSpec(data, { ...req, audience: 'public' });
          const outputs = [words(await wordOfSpec(pub, '2026-11-20T09:00:00.000Z')), documentHtml(pub)];
          for (const text of outputs) for (const s of secrets) expect(text.includes(s), `${s} in the public yearly report`).toBe(false);
          // The Part 2 resolutions are counted: every item on the held meeting has one.
          expect(outputs[1]).toContain(`${spec.open + spec.exempt} resolution${spec.open + spec.exempt === 1 ? '' : 's'} at the board’s meetings`);
          const full = words(await wordOfSpec(yearlyReportSpec(data, { ...req, audience: 'full' }), '2026-11-20T09:00:00.000Z'));
          expect(secrets.some((s) => /RESOLUTION/.test(s) && full.includes(s))).toBe(true);
          expect(full).toContain('NOT FOR PUBLICATION');
        },
      ),
      { numRuns: 15 },
    );
  }, WAIT.readBack);
});
