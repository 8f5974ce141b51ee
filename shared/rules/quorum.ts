import type { Attendance, TermsOfReference } from '../schema/records';

type Member = TermsOfReference['members'][number];
type AttendanceLike = Pick<Attendance, 'personId' | 'status' | 'memberKey' | 'inPlaceOfPersonId'>;

/** How a ToR member is represented at the meeting. */
export type MemberPresence =
  | { member: Member; by: 'in-person'; personId: string }
  | { member: Member; by: 'deputy'; personId: string }
  | { member: Member; by: 'deputy-not-allowed'; personId: string }
  | { member: Member; by: 'apologies' | 'absent' | 'not-recorded' };

export type QuorumCheck = {
  met: boolean;
  /** Members who count: present in person, or by a deputy where the ToR allows one. */
  counted: number;
  total: number;
  /** Members the rule needs (the larger of its number and its fraction). */
  needed: number;
  agencies: number;
  chairOrVicePresent: boolean;
  presence: MemberPresence[];
  /** Each part of the rule that is not met, in words the chair can read out. */
  reasons: string[];
  /** "Quorate: 7 of 11 members, including the chair, from 4 agencies." */
  summary: string;
};

const representing = (member: Member, attendance: readonly AttendanceLike[]): MemberPresence => {
  const own = attendance.find((a) => a.personId === member.personId && !a.inPlaceOfPersonId);
  if (own?.status === 'present') return { member, by: 'in-person', personId: own.personId };
  const deputy = attendance.find((a) => a.status === 'present' && ((member.personId && a.inPlaceOfPersonId === member.personId) || (a.inPlaceOfPersonId && a.memberKey === member.key)));
  if (deputy) return { member, by: member.deputyAllowed ? 'deputy' : 'deputy-not-allowed', personId: deputy.personId };
  if (own?.status === 'apologies') return { member, by: 'apologies' };
  if (own) return { member, by: 'absent' };
  return { member, by: 'not-recorded' };
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The terms of reference's quorum rule against who is in the room. Every part given must hold:
 * a number of members, a fraction of the membership (rounded up: "a third of 11" is 4), the chair
 * or vice-chair in person, and members from a number of agencies. A deputy counts only where the
 * ToR allows that member a deputy.
 */
export const checkQuorum = (tor: Pick<TermsOfReference, 'members' | 'quorum' | 'chairMemberKey' | 'viceChairMemberKey'>, attendance: readonly AttendanceLike[]): QuorumCheck => {
  const presence = tor.members.map((m) => representing(m, attendance));
  const counting = presence.filter((p) => p.by === 'in-person' || p.by === 'deputy');
  const total = tor.members.length;
  const rule = tor.quorum;
  const byFraction = rule.minFraction !== undefined ? Math.ceil(total * rule.minFraction - 1e-9) : 0;
  const needed = Math.max(rule.minMembers ?? 0, byFraction);
  const agencies = new Set(counting.map((p) => p.member.organisationId)).size;
  const leaders = [tor.chairMemberKey, tor.viceChairMemberKey].filter(Boolean);
  const chairOrVicePresent = presence.some((p) => p.by === 'in-person' && leaders.includes(p.member.key));

  const reasons: string[] = [];
  if (counting.length < needed) reasons.push(`${plural(counting.length, 'member')} of ${total} present; ${needed} needed.`);
  if (rule.requireChairOrVice && !chairOrVicePresent) reasons.push('Neither the chair nor the vice-chair is present.');
  if (rule.minAgencies !== undefined && agencies < rule.minAgencies) reasons.push(`${plural(agencies, 'agency', 'agencies')} represented; ${rule.minAgencies} needed.`);
  for (const p of presence)
    if (p.by === 'deputy-not-allowed') reasons.push(`The ${p.member.role} may not send a deputy under the terms of reference, so their substitute does not count.`);

  const met = reasons.filter((r) => !r.includes('substitute does not count')).length === 0;
  const detail = `${plural(counting.length, 'member')} of ${total}${chairOrVicePresent ? ', including the chair or vice-chair,' : ''} from ${plural(agencies, 'agency', 'agencies')}`;
  return { met, counted: counting.length, total, needed, agencies, chairOrVicePresent, presence, reasons, summary: met ? `Quorate: ${detail}.` : `Not quorate: ${detail}.` };
};
