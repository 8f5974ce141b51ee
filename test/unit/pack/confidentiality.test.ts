import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { buildPack } from '../../../shared/pack/build';
import type { StoreData } from '../../../shared/data';
import { buildWordExport } from '../../../shared/exports/meetingExports';
import { buildPlanExport } from '../../../shared/exports/planExports';
import { buildCalendar } from '../../../shared/exports/calendar';
import { buildDashboard } from '../../../shared/rules/dashboard';
import { preflight } from '../../../shared/pack/preflight';

import { generatePartTwo as generate } from '../../fixtures/partTwo';
import { packHtml } from '../../../shared/pack/html/document';
import { buildSite } from '../../../shared/publish/site';
import { assemblePack } from '../../../shared/pack/model';
import { WAIT } from '../../waits';

const everyPart = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).map(([name, b]) => [name, strFromU8(b, true)] as const);

const build = async (data: StoreData, variant: 'public' | 'full') =>
  (await buildPack(data, { meetingId: 'meeting:next', variant, today: '2026-11-20', builtAt: '2026-11-20T09:00:00.000Z', images: {} })).bytes;

describe('Part 2 confidentiality', () => {
  it('keeps every piece of Part 2 text out of every part of the public pack, its PDF, the published website, every public Word export (agenda, minutes, actions, deep-dive schedule, forward plan) and the public JSON, and carries it in each full variant', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          open: fc.integer({ min: 0, max: 3 }),
          exempt: fc.integer({ min: 1, max: 3 }),
          paragraph: fc.constantFrom(1, 2, 3, 4, 5, 6, 7),
          markdownish: fc.constantFrom('', '# Heading', '- a\n- b', '> quote', '**bold**'),
          publicTitle: fc.boolean(),
        }),
        async (spec) => {
          const { data, secrets } = generate(spec);
          const publicParts = everyPart(await build(data, 'public'));
          for (const [name, xml] of publicParts) for (const s of secrets) expect(xml.includes(s), `${s} found in ${name}`).toBe(false);
          // The PDF pack and the published pages are laid out from this HTML: nothing exempt may reach it.
          const publicHtml = packHtml(assemblePack(data, 'meeting:next', 'public', '2026-11-20'), {}).html;
          for (const s of secrets) expect(publicHtml.includes(s), `${s} found in the public PDF pack's HTML`).toBe(false);
          expect(packHtml(assemblePack(data, 'meeting:next', 'full', '2026-11-20'), {}).html).toMatch(/ZQXBODY\d+QZX/);
          // The published website: every page, and the page each meeting's PDF pack is printed from.
          const site = buildSite(data, { today: '2026-11-20', holidays: new Set(), since: '2026-01-01' });
          expect(site.pages.length).toBeGreaterThan(5);
          for (const page of site.pages) for (const s of secrets) expect(page.html.includes(s), `${s} found in the website's ${page.path}`).toBe(false);
          for (const pack of site.packs) for (const s of secrets) expect(packHtml(pack.model, {}).html.includes(s), `${s} found in ${pack.path}`).toBe(false);
          const publicDoc = publicParts.find(([n]) => n === 'word/document.xml')![1];
          // The notice keeps each title (the public one, when given) and paragraph.
          for (let i = spec.open; i < spec.open + spec.exempt; i++) expect(publicDoc).toContain(`${spec.publicTitle ? 'Public' : 'Item'} title next ${i}`);
          expect(publicDoc).toContain(`Exempt under Schedule 12A, paragraph ${spec.paragraph}`);
          const full = everyPart(await build(data, 'full')).map(([, x]) => x).join('\n');
          const shownInFull = secrets.filter((s) => full.includes(s));
          // The full pack carries the coming meeting's Part 2 papers and the last meeting's Part 2 minutes.
          expect(shownInFull.some((s) => s.includes('BODY'))).toBe(true);
          expect(shownInFull.some((s) => s.includes('MINUTES'))).toBe(true);
          expect(shownInFull.some((s) => s.includes('ACTION'))).toBe(true);
          expect(full).toContain(`paragraph ${spec.paragraph} of Part 1 of Schedule 12A`);

          // The other public outputs: the Word exports and the JSON a script may publish.
          const exports = [
            await buildWordExport(data, 'agenda', { meetingId: 'meeting:next', variant: 'public', today: '2026-11-20', builtAt: '2026-11-20T09:00:00.000Z' }),
            await buildWordExport(data, 'minutes', { meetingId: 'meeting:held', variant: 'public', today: '2026-11-20', builtAt: '2026-11-20T09:00:00.000Z' }),
            await buildWordExport(data, 'actions', { meetingId: 'meeting:next', variant: 'public', today: '2026-11-20', builtAt: '2026-11-20T09:00:00.000Z' }),
            await buildPlanExport(data, { what: 'forward-plan', today: '2026-11-20', holidays: new Set(), builtAt: '2026-11-20T09:00:00.000Z' }),
            await buildPlanExport(data, { what: 'deep-dives', today: '2026-11-20', holidays: new Set(), builtAt: '2026-11-20T09:00:00.000Z' }),
          ];
          for (const { bytes, title } of exports) for (const [name, xml] of everyPart(bytes)) for (const s of secrets) expect(xml.includes(s), `${s} found in ${title}: ${name}`).toBe(false);
          // Every Word export has its full variant, which carries the Part 2 text the public one leaves out.
          const fullWord = async (kind: 'agenda' | 'minutes' | 'actions', meetingId: string) =>
            everyPart((await buildWordExport(data, kind, { meetingId, variant: 'full', today: '2026-11-20', builtAt: '2026-11-20T09:00:00.000Z' })).bytes).map(([, x]) => x).join('\n');
          expect(secrets.some((s) => /MINUTES/.test(s) && full.includes(s))).toBe(true);
          const fullMinutes = await fullWord('minutes', 'meeting:held');
          expect(secrets.some((s) => /MINUTES/.test(s) && fullMinutes.includes(s)), 'full minutes').toBe(true);
          const fullActions = await fullWord('actions', 'meeting:next');
          expect(secrets.some((s) => /ACTION/.test(s) && fullActions.includes(s)), 'full action log').toBe(true);
          const fullAgenda = await fullWord('agenda', 'meeting:next');
          if (!spec.publicTitle) expect(fullAgenda).toContain(`Item title next ${spec.open}`);
          else expect(secrets.some((s) => /TITLE/.test(s) && fullAgenda.includes(s)), 'full agenda keeps the working title').toBe(true);
          expect(secrets.some((s) => /CORRECTION/.test(s) && fullMinutes.includes(s)), 'full minutes print the correction').toBe(true);
          // The full deep-dive schedule and forward plan carry them, marked not for publication.
          for (const what of ['deep-dives', 'forward-plan'] as const) {
            const fullPlan = everyPart((await buildPlanExport(data, { what, today: '2026-11-20', holidays: new Set(), builtAt: '2026-11-20T09:00:00.000Z', variant: 'full' })).bytes).map(([, x]) => x).join('\n');
            expect(secrets.some((s) => fullPlan.includes(s) && /WHYNOW|ORIGIN/.test(s)), what).toBe(true);
            expect(fullPlan).toContain('NOT FOR PUBLICATION');
          }
          // The calendar a partner may subscribe to: nothing of Part 2, working titles included.
          const calendar = JSON.stringify(buildCalendar(data, { today: '2026-11-20', holidays: new Set(), stamp: '2026-11-20T09:00:00.000Z' }));
          for (const s of secrets) expect(calendar.includes(s), `${s} in the calendar`).toBe(false);
          // The dashboard and pre-flight are the officer's own views: they name items by their working
          // titles (that is how the officer knows them), but carry no other Part 2 text.
          const json = JSON.stringify([buildDashboard(data, '2026-11-20', new Set()), preflight(data, 'meeting:next', 'public', '2026-11-20', new Set(), () => true)]);
          for (const s of secrets.filter((x) => !/TITLE|THEME/.test(x))) expect(json.includes(s), `${s} in the officer's views: ${json.slice(Math.max(0, json.indexOf(s) - 300), json.indexOf(s) + 40)}`).toBe(false);
        },
      ),
      { numRuns: 25 },
    );
  }, WAIT.readBack);
});
