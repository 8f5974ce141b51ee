import type { Decision, DecisionReply, Person, TermsOfReference } from '../schema/records';
import { findRecord, recordsWhere, type StoreData } from '../data';
import { formatUkDate } from './dates';
import { checkQuorum } from './quorum';
import { compareCodes, compareEnglish } from './textOrder';

/**
 * Decisions taken between meetings (docs/ARCHITECTURE.md, statutory clocks): a written
 * resolution's outcome from its replies under the ToR's quorum, and the words the next meeting's
 * "Decisions taken since the last meeting" item prints. Pure.
 */

export const DECISIONS_ITEM_TITLE = 'Decisions taken since the last meeting';
export const DECISIONS_PART2_TITLE = `${DECISIONS_ITEM_TITLE} (Part 2)`;
export const DECISIONS_PART2_PUBLIC_TITLE = `${DECISIONS_ITEM_TITLE}: exempt information`;

const nameOf = (data: StoreData, id?: Person['id']) => (id ? (findRecord(data, 'person', id)?.name ?? 'someone no longer listed') : '');

export const repliesTo = (data: StoreData, decisionId: Decision['id']): DecisionReply[] =>
  recordsWhere(data, 'decisionReply', 'decisionId', decisionId).sort((a, b) => compareCodes(a.receivedOn, b.receivedOn) || compareCodes(a.id, b.id));

export type WrittenOutcome = { result: 'carried' | 'not-carried' | 'not-quorate'; summary: string; for: number; against: number; abstain: number; replied: number; voters: number };

/**
 * The outcome of a written resolution: the ToR's quorum applied to those who replied (a reply counts
 * as taking part, as presence does at a meeting), then a simple majority of the votes cast.
 */
export const writtenOutcome = (tor: Pick<TermsOfReference, 'members' | 'quorum' | 'chairMemberKey' | 'viceChairMemberKey'> | undefined, decision: Decision, replies: readonly DecisionReply[]): WrittenOutcome => {
  const count = (v: DecisionReply['vote']) => replies.filter((r) => r.vote === v).length;
  const tally = { for: count('for'), against: count('against'), abstain: count('abstain'), replied: replies.length, voters: decision.written?.voterPersonIds.length ?? 0 };
  const votes = `${tally.for} for, ${tally.against} against, ${tally.abstain} abstaining; ${tally.replied} of ${tally.voters} voting members replied`;
  if (tor) {
    const quorum = checkQuorum(tor, replies.map((r) => ({ personId: r.personId, status: 'present' as const })));
    if (!quorum.met) return { ...tally, result: 'not-quorate', summary: `Not decided: the replies do not make a quorum under the terms of reference (${quorum.reasons.join(' ')}). ${votes}.` };
  }
  const carried = tally.for > tally.against;
  return { ...tally, result: carried ? 'carried' : 'not-carried', summary: `${carried ? 'Carried' : 'Not carried'}: ${votes}.` };
};

/** How the decision was taken, in a sentence for the pack and the minutes. */
export const routeWords = (data: StoreData, d: Decision): string => {
  if (d.urgent) {
    const consulted = d.urgent.consulted.map((c) => `${nameOf(data, c.personId)} (${c.role}) on ${formatUkDate(c.on)}`).join(', ');
    const special = d.urgent.specialUrgency ? ` As a key decision without 28 clear days' notice, ${d.urgent.specialUrgency.agreedBy} agreed on ${formatUkDate(d.urgent.specialUrgency.on)} that it was urgent and could not reasonably be deferred (2012 Regulations reg 11).` : '';
    return `Urgent decision taken on ${formatUkDate(d.urgent.takenOn)} by ${nameOf(data, d.urgent.officerPersonId)}, in consultation with ${consulted}.${special}`;
  }
  if (d.written) {
    const outcome = d.written.outcome ? ` ${d.written.outcome.summary}` : ' The window for replies is still open.';
    return `Written resolution sent to ${d.written.voterPersonIds.length} voting members, replies between ${formatUkDate(d.written.opensOn)} and ${formatUkDate(d.written.closesOn)}.${outcome}`;
  }
  return '';
};

/** The date a decision was taken: the urgent decision's, or the day its written window closed. */
export const decidedOn = (d: Decision): string | undefined => d.urgent?.takenOn ?? (d.written?.outcome ? d.written.closesOn : undefined);

/** The paper of the item that reports decisions to the next meeting. */
export const decisionsPaper = (data: StoreData, decisions: readonly Decision[]): { summary: string; body: string; recommendation: string; minutes: string } => {
  const sorted = [...decisions].sort((a, b) => compareCodes(decidedOn(a) ?? '', decidedOn(b) ?? '') || compareEnglish(a.title, b.title));
  const body = sorted
    .map((d, i) => {
      const lines = [`### ${i + 1}. ${d.title}`, '', `**Decision:** ${d.text}`, '', `**How it was taken:** ${routeWords(data, d)}`];
      if (d.urgent) lines.push('', `**Why it could not wait:** ${d.urgent.reasons}`);
      if (d.keyDecision) lines.push('', '**Key decision.**');
      return lines.join('\n');
    })
    .join('\n\n');
  const n = sorted.length;
  return {
    summary: `${n === 1 ? 'One decision was' : `${n} decisions were`} taken since the last meeting, by the route the board's rules allow. Each is reported here to be noted and ratified.`,
    body,
    recommendation: `That the board notes and ratifies the ${n === 1 ? 'decision' : `${n} decisions`} taken since the last meeting.`,
    minutes: `RESOLVED: That the decisions taken since the last meeting be noted and ratified:\n\n${sorted.map((d, i) => `${i + 1}. ${d.title}${d.written?.outcome ? ` (${d.written.outcome.result.replace('-', ' ')})` : ''}`).join('\n')}`,
  };
};
