import type { PackModel } from '../model';
import type { PackBlock } from './blocks';
import { agenda, apologiesAndDeclarations, contents, cover } from './front';
import { actionLog, lastMinutes } from './record';
import { deepDive, paper } from './papers';
import { forwardPlan, part2Opening, urgentAndClosing } from './closing';

/**
 * One part of the pack: `label` names it in progress messages and in its running header (the cover
 * has none: `cover`); `make` lays out its content.
 */
export type PlannedPart = { label: string; cover?: boolean; /** The agenda item the part belongs to (a paper, a briefing). */ item?: number; make: () => PackBlock[] };

/** The parts of the pack, in the order UK boards publish them (DESIGN: the board pack). */
export const packPlan = (model: PackModel): PlannedPart[] => [
  { label: 'Cover', cover: true, make: () => cover(model) },
  { label: 'Agenda', make: () => [...contents(), ...agenda(model), ...apologiesAndDeclarations(model)] },
  { label: 'Minutes of the last meeting', make: () => lastMinutes(model) },
  { label: 'Action log', make: () => actionLog(model) },
  ...model.papers.map((p) => ({ label: `Item ${p.number}`, item: p.number, make: () => paper(p) })),
  ...model.deepDives.map((d) => ({ label: d.agendaNumber ? `Item ${d.agendaNumber}: deep dive` : 'Deep dive', item: d.agendaNumber, make: () => deepDive(d) })),
  { label: 'Forward plan', make: () => forwardPlan(model) },
  { label: 'Other business', make: () => urgentAndClosing(model) },
  ...(model.part2Notices.length ? [{ label: model.variant === 'full' ? 'Part 2: not for publication' : 'Part 2', make: () => part2Opening(model) }] : []),
  ...model.part2Papers.map((p) => ({ label: `Item ${p.number}: not for publication`, item: p.number, make: () => paper(p) })),
];

/** "Item 4" or "Items 4, 5 and 7": how a printout of some items names them. */
export const itemsLabel = (items: readonly number[]): string => {
  const sorted = [...new Set(items)].sort((a, b) => a - b);
  if (sorted.length === 1) return `Item ${sorted[0]}`;
  return `Items ${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`;
};

/**
 * Just the papers and briefings of some agenda items, for printing what is needed (one paper for
 * a member, a range for a sub-group): no cover, contents or other parts.
 */
export const itemsPlan = (model: PackModel, items: readonly number[]): PlannedPart[] => {
  const wanted = new Set(items);
  return packPlan(model).filter((p) => p.item !== undefined && wanted.has(p.item));
};
