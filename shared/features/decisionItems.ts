import type { Decision, Meeting, RecordOf } from '../schema/records';
import { agendaItemsOf, recordsWhere, type StoreData } from '../data';
import { byAgendaOrder, CLOSING_STANDING } from '../rules/agenda';
import { boardMeetings } from '../rules/boards';
import { DECISIONS_ITEM_TITLE, DECISIONS_PART2_PUBLIC_TITLE, DECISIONS_PART2_TITLE, decisionsPaper } from '../rules/decisions';
import type { ChangeSet } from '../kernel/changeSet';
import type { CommandContext } from '../kernel/operation';
import { orderAt } from './agendaPlace';
import { emptyCoverSheet } from './packs';

/** The meeting a decision taken on `on` is reported to: the board's next meeting not yet held, on or after that day. */
export const reportingMeeting = (data: StoreData, boardId: Decision['boardId'], on: string): Meeting | undefined =>
  boardMeetings(data, boardId).find((m) => m.date >= on && (m.status === 'planned' || m.status === 'agenda-published'));

/**
 * Writes the next meeting's "Decisions taken since the last meeting" item (and its Part 2 twin for
 * exempt decisions) from the decisions reported to it: a received paper listing each with how it
 * was taken, and the draft minute ratifying them. A meeting without an agenda yet gets the items
 * when its agenda is drafted (agenda:draft calls this too). The minute is rewritten only while the
 * officer has not changed it.
 */
export const syncDecisionItems = (data: StoreData, cs: ChangeSet, meetingId: Meeting['id'], decisions: readonly Decision[], ctx: CommandContext, before: readonly Decision[] = decisions) => {
  const items = agendaItemsOf(data, meetingId).sort(byAgendaOrder);
  if (!items.length) return;
  for (const part of ['public', 'part2'] as const) {
    const mine = decisions.filter((d) => (part === 'part2') === Boolean(d.part2));
    const earlier = before.filter((d) => (part === 'part2') === Boolean(d.part2));
    const existing = items.find((i) => i.decisionsReport === part);
    if (!mine.length) {
      if (existing && !existing.minutes.trim()) cs.remove(existing.id);
      continue;
    }
    const paper = decisionsPaper(data, mine);
    const exempt = mine.filter((d) => d.part2);
    const part2 = exempt.length
      ? { paragraph: Math.min(...exempt.map((d) => d.part2!.paragraph)) as NonNullable<Decision['part2']>['paragraph'], reason: exempt.map((d) => d.part2!.reason).filter(Boolean).join(' ') || 'Decisions taken between meetings on exempt matters', publicTitle: DECISIONS_PART2_PUBLIC_TITLE }
      : undefined;
    const fields = {
      title: part === 'part2' ? DECISIONS_PART2_TITLE : DECISIONS_ITEM_TITLE,
      purpose: 'decision' as const,
      paper: {
        status: 'received' as const,
        receivedOn: ctx.today(),
        coverSheet: { ...emptyCoverSheet(), reportOf: 'The board’s secretariat', executiveSummary: paper.summary, recommendations: [paper.recommendation], classification: part === 'part2' ? ('exempt' as const) : ('public' as const) },
        body: paper.body,
      },
      ...(part2 ? { part2 } : {}),
    };
    if (existing) {
      const minutesUntouched = !existing.minutes.trim() || (earlier.length > 0 && existing.minutes === decisionsPaper(data, earlier).minutes);
      cs.update(existing, { ...fields, ...(minutesUntouched ? { minutes: paper.minutes } : {}) });
      continue;
    }
    // The public item after the opening standing items (minutes, actions); the Part 2 one last.
    let at = part === 'part2' ? items.length : items.findIndex((i) => !i.standing || (CLOSING_STANDING as readonly string[]).includes(i.standing) || i.part2);
    if (at < 0) at = items.length;
    cs.create<RecordOf<'agendaItem'>>({ id: ctx.newId('agendaItem'), type: 'agendaItem', meetingId, order: orderAt(cs, items, at), durationMinutes: 5, presenterIds: [], minutes: paper.minutes, decisionsReport: part, ...fields });
  }
};

/** The decisions reported to a meeting (its items are rewritten from these). */
export const decisionsReportedTo = (data: StoreData, meetingId: Meeting['id']) =>
  recordsWhere(data, 'decision', 'reportedToMeetingId', meetingId).filter((d) => d.urgent || d.written?.outcome);

