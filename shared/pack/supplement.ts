import type { StoreData } from '../data';
import { listRecords } from '../data';
import type { PackBuild } from '../schema/records';
import { QuorumFailure } from '../result';
import { fingerprintOf } from '../rules/fingerprint';
import { assemblePack, type DeepDiveBriefing, type PackModel, type PackVariant, type PaperSection } from './model';
import { compareCodes } from '../rules/textOrder';

/**
 * What a pack held of each paper when it was published: the item's state and a fingerprint of its
 * text (cover sheet and report), so a later paper, or a changed one, can be told apart.
 */
export type PackContent = NonNullable<PackBuild['contents']>[number];

const hash = fingerprintOf;
const fingerprint = (p: PaperSection): string => hash([p.title, p.state, p.coverSheet, p.body]);

/** Every paper a pack prints, with its state and fingerprint, and each deep-dive briefing: kept in the pack's history record. */
export const packContents = (model: PackModel): PackContent[] => [
  ...[...model.papers, ...model.part2Papers].map((p) => ({ agendaItemId: p.agendaItemId, number: p.number, state: p.state, fingerprint: fingerprint(p) })),
  ...model.deepDives
    .filter((b): b is DeepDiveBriefing & { agendaItemId: NonNullable<DeepDiveBriefing['agendaItemId']>; agendaNumber: number } => Boolean(b.agendaItemId && b.agendaNumber))
    .map((b) => ({ agendaItemId: b.agendaItemId, number: b.agendaNumber, state: 'received' as const, fingerprint: hash(b), part: 'briefing' as const })),
];

/** A whole pack saved for the meeting in this variant (not a printout of some items, not a supplement). */
const isPublishedPack = (b: PackBuild, meetingId: string, variant: PackVariant) => b.meetingId === meetingId && b.variant === variant && !b.items && !b.supplement && Boolean(b.contents);

export type SupplementItem = { agendaItemId: string; number: number; title: string; kind: 'late' | 'replaced'; part?: 'briefing' };
const key = (c: Pick<PackContent, 'agendaItemId' | 'part'>) => `${c.agendaItemId}${c.part ? `#${c.part}` : ''}`;

/**
 * The pack a supplement would supplement (the newest whole pack saved for the meeting and variant),
 * and the items since received or changed: in no pack or supplement of it yet, or changed since.
 */
export const supplementCandidates = (data: StoreData, meetingId: string, variant: PackVariant, today: string): { base: PackBuild; items: SupplementItem[] } => {
  const builds = listRecords(data, 'packBuild').sort((a, b) => compareCodes(a.builtAt, b.builtAt));
  const base = builds.filter((b) => isPublishedPack(b, meetingId, variant)).at(-1);
  if (!base) throw new QuorumFailure('invalid-input', `No ${variant} pack has been saved for this meeting yet: build the pack first; a supplement adds to a pack already sent.`);
  // What members have: the pack, then each supplement to it, in order.
  const sent = new Map((base.contents ?? []).map((c) => [key(c), c]));
  for (const s of builds.filter((b) => b.supplement?.of === base.id)) for (const c of s.contents ?? []) sent.set(key(c), c);
  // A pack saved before briefings were recorded cannot say whether one changed: only its papers are compared.
  const briefingsRecorded = (base.contents ?? []).some((c) => c.part === 'briefing');
  const model = assemblePack(data, meetingId, variant, today);
  const items: SupplementItem[] = [];
  for (const now of packContents(model)) {
    if (now.state !== 'received' || (now.part === 'briefing' && !briefingsRecorded)) continue;
    const before = sent.get(key(now));
    if (before?.state === 'received' && before.fingerprint === now.fingerprint) continue;
    const title = now.part === 'briefing' ? `Deep-dive briefing: ${model.deepDives.find((b) => b.agendaItemId === now.agendaItemId)!.theme}` : [...model.papers, ...model.part2Papers].find((p) => p.agendaItemId === now.agendaItemId)!.title;
    items.push({ agendaItemId: now.agendaItemId, number: now.number, title, kind: before?.state === 'received' ? 'replaced' : 'late', ...(now.part ? { part: now.part } : {}) });
  }
  return { base, items };
};

export type SupplementReasons = { lateReason: string; urgency?: string };

/**
 * The supplement's model: the pack's model with only the papers since received or changed, each
 * carrying why it is late (and, for a board following council rules, the chair's reason for
 * urgency: Local Government Act 1972 s.100B(4)(b)), and a cover naming the pack it supplements.
 */
export const assembleSupplement = (data: StoreData, meetingId: string, variant: PackVariant, today: string, reasons: Readonly<Record<string, SupplementReasons>>): PackModel => {
  const { base, items } = supplementCandidates(data, meetingId, variant, today);
  if (items.length === 0) throw new QuorumFailure('invalid-input', `Nothing has arrived or changed since ${base.fileName} was saved: there is no supplement to build.`);
  const model = assemblePack(data, meetingId, variant, today);
  const council = model.board.rules === 'council-committee';
  const lines = items.map((i) => {
    const r = reasons[i.agendaItemId];
    if (!r?.lateReason.trim()) throw new QuorumFailure('invalid-input', `Say why item ${i.number} (${i.title}) is late: members are told with the paper.`);
    if (council && !r.urgency?.trim())
      throw new QuorumFailure('invalid-input', `Item ${i.number} (${i.title}): the board follows council rules, so a late item needs the chair’s reason for urgency (Local Government Act 1972, s.100B(4)(b)).`);
    return { ...i, lateReason: r.lateReason.trim(), ...(council ? { urgency: r.urgency!.trim() } : {}) };
  });
  const wanted = new Set(items.filter((i) => !i.part).map((i) => i.agendaItemId));
  const briefings = new Set(items.filter((i) => i.part === 'briefing').map((i) => i.agendaItemId));
  return {
    ...model,
    title: model.title.replace(/: (Public|Full) pack$/, (_m, v: string) => `: Supplement to the ${v.toLowerCase()} pack`),
    papers: model.papers.filter((p) => wanted.has(p.agendaItemId)),
    part2Papers: model.part2Papers.filter((p) => wanted.has(p.agendaItemId)),
    deepDives: model.deepDives.filter((b) => b.agendaItemId && briefings.has(b.agendaItemId)),
    supplement: { of: { id: base.id, fileName: base.fileName, builtAt: base.builtAt }, items: lines },
  };
};
