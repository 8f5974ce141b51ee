import type { NewRecord } from '../data';
import { addDays, onOrAfterWeekday } from '../rules/dates';
import { buildExampleRecords } from './index';

type New = NewRecord;

/** A small deterministic generator (mulberry32), so the same seed gives the same partnership. */
const random = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)], int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
};

const THEMES = ['Neglect', 'Child exploitation', 'Children missing education', 'Early help', 'Domestic abuse', 'Youth justice', 'Emotional health', 'Care leavers', 'Special educational needs', 'Online safety', 'Private fostering', 'Children with disabilities'];
const TOPICS = ['Improvement plan: progress report', 'Performance scorecard', 'Annual report', 'Budget monitoring', 'Workforce report', 'Strategy refresh', 'Inspection action plan', 'Commissioning update', 'Audit findings', 'Partner assurance', 'Consultation response', 'Risk register'];
const PHRASES = ['Referrals rose in the quarter', 'timeliness of assessments improved', 'partners asked for more detail on thresholds', 'the plan is on track in most areas', 'recruitment remains the main risk', 'children’s voices shaped the priorities', 'the audit found good practice and gaps', 'schools report higher demand'];
export const GENERATED_IMAGES = ['chart-referrals.png', 'chart-timeliness.png', 'chart-budget.png'];

const paperBody = (r: ReturnType<typeof random>, title: string) => {
  const rows = Array.from({ length: r.int(4, 9) }, (_v, i) => `| Q${(i % 4) + 1} ${2015 + i} | ${r.int(100, 400)} | ${r.int(40, 99)}% |`).join('\n');
  const para = () => Array.from({ length: r.int(3, 6) }, () => r.pick(PHRASES)).join('; ') + '.';
  return [
    `## Summary\n\n${para()} ${para()}`,
    `## Background\n\n${para()}\n\n- ${r.pick(PHRASES)}\n- ${r.pick(PHRASES)}\n  - ${r.pick(PHRASES)}\n- ${r.pick(PHRASES)}`,
    `## Performance\n\n| Period | Referrals | Within timescale |\n|:--|--:|--:|\n${rows}`,
    `![Chart of ${title.toLowerCase()} by quarter](images/${r.pick(GENERATED_IMAGES)})`,
    `## Next steps\n\n1. ${r.pick(PHRASES)}\n2. ${r.pick(PHRASES)}\n3. ${r.pick(PHRASES)}\n\nSee the [guidance](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2) for the statutory framework.`,
  ].join('\n\n');
};

/**
 * A busy partnership over many years, for proving Quorum at scale: the example's boards and people,
 * then four meetings a year for each of the three boards, each with twelve papers (lists, tables,
 * pictures), attendance, resolutions, actions with updates and a deep dive, and a protocol that has
 * been through several versions with partner comments.
 */
export const buildGeneratedRecords = (today: string, years: number, seed = 1): New[] => {
  const r = random(seed);
  const base = buildExampleRecords(today);
  const boards = base.filter((x) => x.type === 'board');
  const people = base.filter((x) => x.type === 'person').map((p) => p.id);
  const orgs = base.filter((x) => x.type === 'organisation').map((o) => o.id);
  const out: New[] = [...base];
  let n = 0;
  const id = (type: string) => `${type}:gen-${(++n).toString(36)}`;
  const start = addDays(today, -365 * years);
  for (const board of boards) {
    for (let q = 0; q < years * 4; q++) {
      const date = onOrAfterWeekday(addDays(start, q * 91 + r.int(0, 20)), 2);
      if (date >= addDays(today, -7)) break;
      const meetingId = id('meeting');
      out.push({ id: meetingId, type: 'meeting', boardId: board.id, date, startTime: '14:00', endTime: '16:30', venue: 'Committee Room 1, Eastmere Town Hall', status: 'minutes-approved' } as New);
      const dive = id('deepDive');
      const theme = r.pick(THEMES);
      out.push({ id: dive, type: 'deepDive', boardId: board.id, theme, meetingId, leadPersonId: r.pick(people), presenterIds: [r.pick(people)], whyNow: `${r.pick(PHRASES)}.`, linesOfEnquiry: [`How well do partners understand ${theme.toLowerCase()}?`, 'What difference has the work made?'], evidence: [{ description: 'Quarterly data', kind: 'data', providedBy: 'Performance team' }], status: 'closed', outcomes: `${r.pick(PHRASES)}.`, recommendations: [`Report back on ${theme.toLowerCase()}.`] } as New);
      for (let i = 0; i < 12; i++) {
        const title = i === 0 ? `Deep dive: ${theme}` : `${r.pick(TOPICS)} (${date.slice(0, 4)})`;
        const itemId = id('agendaItem');
        const author = r.pick(people);
        out.push({
          id: itemId,
          type: 'agendaItem',
          meetingId,
          order: String((i + 1) * 10).padStart(4, '0'),
          title,
          purpose: r.pick(['decision', 'discussion', 'noting', 'information'] as const),
          durationMinutes: r.int(5, 30),
          presenterIds: [author],
          ...(i === 0 ? { deepDiveId: dive } : {}),
          paper: { status: 'received', authorPersonId: author, receivedOn: addDays(date, -10), coverSheet: { reportOf: 'Director', author: 'Report author', authorContact: '', executiveSummary: `${r.pick(PHRASES)}.`, recommendations: ['The Board notes the report.'], implications: { finance: 'None.', legal: 'None.', equalities: 'Considered.', risk: 'Low.' }, backgroundPapers: '', classification: 'public' }, body: paperBody(r, title) },
          minutes: `${r.pick(PHRASES)}. ${r.pick(PHRASES)}.`,
        } as New);
        out.push({ id: id('resolution'), type: 'resolution', meetingId, agendaItemId: itemId, number: 1, text: 'The Board notes the report.' } as New);
        if (i % 3 === 0) {
          const action = id('action');
          const done = date < addDays(today, -120);
          out.push({ id: action, type: 'action', meetingId, agendaItemId: itemId, boardId: board.id, text: `Follow up: ${r.pick(PHRASES)}`, ownerPersonId: r.pick(people), dueDate: addDays(date, 60), status: done ? 'done' : 'open', ...(done ? { closedOn: addDays(date, 50) } : {}) } as New);
          out.push({ id: id('actionUpdate'), type: 'actionUpdate', actionId: action, text: `${r.pick(PHRASES)}.`, status: done ? 'done' : 'in-progress', madeAt: `${addDays(date, 30)}T10:00:00.000Z` } as New);
        }
      }
      out.push(...generatedAttendance(board.id, q, meetingId, base, id));
      if ((board as { kind?: string }).kind === 'safeguarding-partnership' && q % 2 === 0) out.push(...generatedReview(board.id, q, date, today, people, id));
      // Each year's section 11 audit: one finding for the partnership to act on.
      if (q % 4 === 3) {
        const raisedOn = addDays(date, 14);
        const done = raisedOn < addDays(today, -200);
        out.push({ id: id('action'), type: 'action', boardId: board.id, text: 'Check that every agency’s safeguarding training records are complete', ownerPersonId: people[q % people.length], dueDate: addDays(raisedOn, 120), status: done ? 'done' : 'open', ...(done ? { closedOn: addDays(raisedOn, 100) } : {}), raisedOn, source: { kind: 'section11', finding: 'Training records were incomplete in two agencies' } } as New);
      }
      // One meeting a year called off, a few weeks after this one: out of every count.
      const offDate = onOrAfterWeekday(addDays(date, 42), 2);
      if (q % 4 === 1 && offDate < addDays(today, -7))
        out.push({ id: id('meeting'), type: 'meeting', boardId: board.id, date: offDate, startTime: '14:00', endTime: '16:00', venue: '', status: 'cancelled', cancellation: { reason: 'Called off: too few papers ready.', on: addDays(offDate, -14) } } as New);
    }
  }
  // The protocol's history: a version a year, each with partners' comments.
  const protocol = base.find((x) => x.type === 'protocol')!;
  const v1 = base.find((x) => x.type === 'protocolVersion') as New & { sections: { key: string; number: string; heading: string; body: string }[] };
  for (let v = 2; v <= years + 1; v++) {
    const versionId = id('protocolVersion');
    out.push({ id: versionId, type: 'protocolVersion', protocolId: protocol.id, version: v, status: 'draft', changeSummary: `Annual review ${v}`, sections: v1.sections.map((s) => ({ ...s, body: `${s.body} ${r.pick(PHRASES)}.` })) } as New);
    for (let c = 0; c < 6; c++) out.push({ id: id('protocolComment'), type: 'protocolComment', protocolVersionId: versionId, sectionKey: r.pick(v1.sections).key, author: 'A partner', organisationId: r.pick(orgs), text: `${r.pick(PHRASES)}.`, madeAt: `${addDays(start, v * 300)}T09:00:00.000Z` } as New);
  }
  return out;
};

/**
 * A meeting's attendance, by a fixed pattern so tests can state the figures exactly: of each ten
 * meetings a member misses three, one with apologies and a substitute where the seat allows one
 * (every other time), one with apologies for illness, one absent without apologies. The same
 * officer is in attendance at every meeting.
 */
export const generatedAttendance = (boardId: string, q: number, meetingId: string, base: readonly New[], id: (type: string) => string): New[] => {
  const tor = base.find((x) => x.type === 'tor' && (x as { boardId: string }).boardId === boardId) as (New & { members: { key: string; personId?: string; deputyAllowed: boolean }[] }) | undefined;
  if (!tor) return [];
  const seated = new Set(tor.members.map((m) => m.personId).filter(Boolean));
  const others = base.filter((x) => x.type === 'person' && !seated.has(x.id as string)).map((x) => x.id as string);
  const out: New[] = [];
  tor.members.forEach((m, i) => {
    if (!m.personId) return;
    const k = (q * 3 + i) % 10;
    const row = (status: string, extra: object = {}) => out.push({ id: id('attendance'), type: 'attendance', meetingId, personId: m.personId, memberKey: m.key, status, ...extra } as New);
    if (k === 0) {
      row('apologies', { absenceReason: 'Annual leave' });
      if (m.deputyAllowed && q % 2 === 0) out.push({ id: id('attendance'), type: 'attendance', meetingId, personId: others[1 + ((q + i) % (others.length - 1))], memberKey: m.key, inPlaceOfPersonId: m.personId, status: 'present' } as New);
    } else if (k === 4) row('apologies', { absenceReason: 'Illness' });
    else if (k === 7) row('absent');
    else row('present');
  });
  if (others.length) out.push({ id: id('attendance'), type: 'attendance', meetingId, personId: others[0], status: 'in-attendance' } as New);
  return out;
};

/**
 * A serious incident at every other safeguarding partnership meeting, by a fixed pattern: notified
 * on the third day, its rapid review in time at every other one (18 days) and late otherwise (25
 * days), and two actions on its recommendations, done once they are old enough.
 */
export const generatedReview = (boardId: string, q: number, meetingDate: string, today: string, people: readonly string[], id: (type: string) => string): New[] => {
  const startsOn = addDays(meetingDate, -30);
  const caseId = id('case');
  const out: New[] = [
    { id: caseId, type: 'case', boardId, kind: 'serious-incident-notification', reference: `SIN-${startsOn.slice(0, 4)}-${String(q).padStart(2, '0')}`, startsOn, steps: [{ key: 'sin.notification', on: addDays(startsOn, 3) }, { key: 'sin.rapid-review', on: addDays(startsOn, q % 4 === 0 ? 18 : 25) }], closedOn: addDays(startsOn, 60) } as New,
  ];
  ['Share the learning on information sharing with every agency', 'Audit the use of the escalation policy'].forEach((recommendation, i) => {
    const raisedOn = addDays(startsOn, 40);
    const done = raisedOn < addDays(today, -150);
    out.push({ id: id('action'), type: 'action', boardId, text: `Act on: ${recommendation.toLowerCase()}`, ownerPersonId: people[(q + i) % people.length], dueDate: addDays(raisedOn, 90), status: done ? 'done' : 'open', ...(done ? { closedOn: addDays(raisedOn, 80 + i) } : {}), raisedOn, source: { kind: 'review', caseId, recommendation } } as New);
  });
  return out;
};

export const generatedSummary = (years: number, seed: number) => `Generated ${years} years of a busy partnership (seed ${seed})`;
