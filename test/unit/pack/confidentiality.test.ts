import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { buildPack } from '../../../shared/pack/build';
import type { StoreData } from '../../../shared/data';
import type { QRecord } from '../../../shared/schema/records';
import { stamp } from '../../docxPackage';
import { buildWordExport } from '../../../shared/exports/meetingExports';
import { buildPlanExport } from '../../../shared/exports/planExports';
import { buildCalendar } from '../../../shared/exports/calendar';
import { buildDashboard } from '../../../shared/rules/dashboard';
import { preflight } from '../../../shared/pack/preflight';

/**
 * A generated board with a held meeting and a coming one, each with open and Part 2 items. Every
 * piece of Part 2 text carries a unique marker, so its absence from the public pack can be proved
 * by searching every part of the package, document properties included.
 */
type Spec = { open: number; exempt: number; paragraph: 1 | 2 | 3 | 4 | 5 | 6 | 7; markdownish: string; publicTitle: boolean };

const cover = (summary: string) => ({
  reportOf: `${summary} report`,
  author: `${summary} author`,
  authorContact: `${summary}@example.org`,
  executiveSummary: `${summary} summary`,
  recommendations: [`${summary} recommendation`],
  implications: { finance: `${summary} finance`, legal: `${summary} legal`, equalities: '', risk: `${summary} risk` },
  backgroundPapers: `${summary} background`,
  classification: 'exempt' as const,
});

const generate = (spec: Spec) => {
  const secrets: string[] = [];
  const secret = (what: string) => {
    const s = `ZQX${what}${secrets.length}QZX`;
    secrets.push(s);
    return s;
  };
  const records: QRecord[] = [
    stamp({ id: 'partnership:main', type: 'partnership', name: 'Westbury Partnership', area: '', colours: { primary: '#1F4E79', accent: '#2E75B6' }, defaultVenue: '', contact: { name: 'Ann Clerk', email: '', phone: '' } }),
    stamp({ id: 'organisation:c', type: 'organisation', name: 'Westbury Council', kind: 'council' }),
    stamp({ id: 'person:p', type: 'person', name: 'Pat Officer', jobTitle: 'Officer', organisationId: 'organisation:c', email: '' }),
    stamp({ id: 'board:b', type: 'board', name: 'Westbury Health and Wellbeing Board', shortName: 'HWB', kind: 'health-and-wellbeing', rules: 'council-committee', standingItems: [] }),
  ];
  const meetings = [
    { id: 'meeting:held', date: '2026-10-01', status: 'held' as const },
    { id: 'meeting:next', date: '2026-12-01', status: 'planned' as const },
  ];
  for (const m of meetings) {
    const key = m.id.split(':')[1];
    // A correction agreed later to the minute of a Part 2 item is exempt too.
    const corrections = m.status === 'held' ? [{ agendaItemId: `agendaItem:${key}-${spec.open}`, change: secret('CORRECTION'), reason: secret('CORRECTIONWHY'), agreedAtMeetingId: 'meeting:next', minuteRef: '', recordedOn: '2026-11-01' }] : [];
    records.push(stamp({ id: m.id, type: 'meeting', boardId: 'board:b', date: m.date, startTime: '14:00', endTime: '16:00', venue: 'Room 1', status: m.status, ...(corrections.length ? { corrections } : {}) }));
    for (let i = 0; i < spec.open + spec.exempt; i++) {
      const exempt = i >= spec.open;
      const itemId = `agendaItem:${key}-${i}`;
      const text = (what: string) => (exempt ? secret(what) : `open ${what}`);
      const s = exempt ? secret('COVER') : 'open';
      // With a public title, the working title (which may name a provider or a child) is itself exempt.
      const title = exempt && spec.publicTitle ? secret('TITLE') : `Item title ${key} ${i}`;
      const publicTitle = exempt && spec.publicTitle ? { publicTitle: `Public title ${key} ${i}` } : {};
      records.push(
        stamp({
          id: itemId,
          type: 'agendaItem',
          meetingId: m.id,
          order: String(i).padStart(3, '0'),
          title,
          purpose: 'decision',
          durationMinutes: 10,
          presenterIds: ['person:p'],
          paper: { status: 'received', authorPersonId: 'person:p', receivedOn: '2026-09-01', coverSheet: exempt ? cover(s) : { ...cover(s), classification: 'public' }, body: `${spec.markdownish}\n\n${text('BODY')}\n\n| h | ${text('CELL')} |\n|-|-|\n| 1 | 2 |` },
          ...(exempt ? { part2: { paragraph: spec.paragraph, reason: secret('REASON'), ...publicTitle } } : {}),
          ...(exempt && m.status === 'planned' ? { deepDiveId: `deepDive:${key}-${i}`, forwardPlanItemId: `forwardPlanItem:${key}-${i}` } : {}),
          minutes: `Minutes ${text('MINUTES')}`,
        }),
      );
      // A Part 2 item's deep dive and forward plan entry: their reasons stay out of the public schedule and plan.
      if (exempt && m.status === 'planned') {
        records.push(stamp({ id: `deepDive:${key}-${i}`, type: 'deepDive', boardId: 'board:b', theme: spec.publicTitle ? secret('THEME') : `Theme ${key} ${i}`, meetingId: m.id, presenterIds: [], whyNow: secret('WHYNOW'), linesOfEnquiry: [secret('ENQUIRY')], evidence: [], status: 'scheduled', outcomes: '', recommendations: [] }));
        records.push(stamp({ id: `forwardPlanItem:${key}-${i}`, type: 'forwardPlanItem', boardId: 'board:b', title, kind: 'decision', meetingId: m.id, origin: secret('ORIGIN'), status: 'on-agenda', deferredReason: '', keyDecision: false }));
      }
      if (m.status === 'held') {
        records.push(stamp({ id: `resolution:${key}-${i}`, type: 'resolution', meetingId: m.id, agendaItemId: itemId, number: 1, text: text('RESOLUTION') }));
        records.push(stamp({ id: `action:${key}-${i}`, type: 'action', meetingId: m.id, agendaItemId: itemId, boardId: 'board:b', text: text('ACTION'), ownerPersonId: 'person:p', dueDate: '2026-11-01', status: 'open' }));
        records.push(stamp({ id: `actionUpdate:${key}-${i}`, type: 'actionUpdate', actionId: `action:${key}-${i}`, text: text('UPDATE'), status: 'in-progress', madeAt: '2026-10-10T10:00:00.000Z' }));
        records.push(stamp({ id: `declaration:${key}-${i}`, type: 'declaration', meetingId: m.id, agendaItemId: itemId, personId: 'person:p', interest: text('DECLARATION') }));
      }
    }
  }
  const data: StoreData = { records: Object.fromEntries(records.map((r) => [r.id, r])) };
  return { data, secrets };
};

const everyPart = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).map(([name, b]) => [name, strFromU8(b, true)] as const);

const build = async (data: StoreData, variant: 'public' | 'full') =>
  (await buildPack(data, { meetingId: 'meeting:next', variant, today: '2026-11-20', builtAt: '2026-11-20T09:00:00.000Z', images: {} })).bytes;

describe('Part 2 confidentiality', () => {
  it('keeps every piece of Part 2 text out of every part of the public pack, every public Word export (agenda, minutes, actions, deep-dive schedule, forward plan) and the public JSON, and carries it in each full variant', async () => {
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
  }, 120_000);
});
