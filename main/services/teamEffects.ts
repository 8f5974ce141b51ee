import type { QRecord } from '../../shared/schema/records';
import type { NeedsDecisionView, NotAppliedView } from '../../shared/views';
import { formatUkDate } from '../../shared/rules/dates';
import { QuorumFailure } from '../../shared/result';
import type { StoreData } from '../../shared/data';
import type { Session } from './session';
import type { EffectHandlers } from '../../shared/operations';

/** A record as the officer knows it, for the two lists: "The minute of item “Budget” (14 February 2027)". */
export const describeRecord = (data: StoreData, id: string, record?: QRecord): string => {
  const r = record ?? data.records[id];
  if (!r) return id;
  const meetingDate = (meetingId: string) => {
    const m = data.records[meetingId];
    return m?.type === 'meeting' ? formatUkDate(m.date) : '';
  };
  switch (r.type) {
    case 'agendaItem':
      return `Agenda item “${r.title}” (meeting of ${meetingDate(r.meetingId)})`;
    case 'meeting':
      return `The meeting of ${formatUkDate(r.date)}`;
    case 'resolution':
      return `Resolution ${r.number} (meeting of ${meetingDate(r.meetingId)})`;
    case 'action':
      return `The action “${r.text.slice(0, 80)}”`;
    case 'person':
    case 'organisation':
    case 'board':
    case 'partnership':
      return `${r.type === 'person' ? 'The person' : r.type === 'organisation' ? 'The organisation' : r.type === 'board' ? 'The board' : 'The partnership'} “${r.name}”`;
    case 'deepDive':
      return `The deep dive “${r.theme}”`;
    case 'forwardPlanItem':
      return `The forward plan item “${r.title}”`;
    case 'protocol':
      return `The protocol “${r.title}”`;
    default:
      return `${r.type} ${id.slice(id.indexOf(':') + 1)}`;
  }
};

/** A field's name in words: `minutes` → "Minutes", `paper.body` → "Paper body". */
const fieldLabel = (field: string) => {
  const words = field.replace(/\./g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const team = (session: Session) => {
  const store = session.teamStore;
  if (!store) throw new QuorumFailure('store-unavailable', 'This data folder is not a team’s copy, or you have not signed in yet.');
  return store;
};

type TeamHandlers = Pick<EffectHandlers, 'team:status' | 'team:join' | 'team:promote' | 'team:signIn' | 'team:syncNow' | 'team:decisions' | 'team:decide' | 'team:notApplied' | 'team:dismissNotApplied'>;

/** The team effects (shared/features/team.ts): main holds the replica and talks to the server. */
export const createTeamEffects = (session: Session): TeamHandlers => {
  const decisions = (): NeedsDecisionView[] => {
    const store = session.teamStore;
    if (!store) return [];
    return store.needsDecision().map((d) => ({
      key: d.key,
      id: d.id,
      what: describeRecord(store.data, d.id, d.record),
      fields: d.fields.map((f) => ({ ...f, label: fieldLabel(f.field) })),
    }));
  };
  const notApplied = (): NotAppliedView[] => {
    const store = session.teamStore;
    if (!store) return [];
    return store.notAppliedChanges().map((n, index) => ({ index, ...n, what: describeRecord(store.data, n.id) }));
  };
  return {
    'team:status': () => session.teamSummary(),
    'team:join': ({ taskId, ...input }) => session.joinTeam(input, (done, total, label) => session.progress(taskId, label, done, total)),
    'team:promote': ({ taskId, ...input }) => session.promoteToTeam(input, (done, total, label) => session.progress(taskId, label, done, total)),
    'team:signIn': ({ password }) => session.signIn(password),
    'team:syncNow': async () => {
      await team(session).syncOnce();
      return session.teamSummary();
    },
    'team:decisions': () => decisions(),
    'team:decide': async ({ key, keep, combined }) => team(session).decide(key, keep ? { keep } : { combined: combined! }),
    'team:notApplied': () => notApplied(),
    'team:dismissNotApplied': async ({ index }) => {
      await team(session).dismissNotApplied(index);
      return notApplied();
    },
  };
};
