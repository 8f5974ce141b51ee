import type { PackModel, PaperSection } from '../model';
import { formatUkDate } from '../../rules/dates';
import { ukDateOf } from '../../clock';
import { notice, type PackBlock } from './blocks';
import { agenda, apologiesAndDeclarations, contents, cover } from './front';
import { actionLog, lastMinutes } from './record';
import { deepDive, paper } from './papers';
import { forwardPlan, part2Opening, urgentAndClosing } from './closing';

/**
 * One part of the pack: `label` names it in progress messages and in its running header (the cover
 * has none: `cover`); `make` lays out its content.
 */
export type PlannedPart = { label: string; cover?: boolean; /** The agenda item the part belongs to (a paper, a briefing). */ item?: number; make: () => PackBlock[] };

/** The parts of the pack, in the order UK boards publish them (docs/ARCHITECTURE.md, the board pack); a supplement's parts for a supplement. */
export const packPlan = (model: PackModel): PlannedPart[] => (model.supplement ? supplementPlan(model, model.supplement) : wholePlan(model));

const wholePlan = (model: PackModel): PlannedPart[] => [
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

type Supplement = NonNullable<PackModel['supplement']>;

/**
 * A supplement: a cover naming the pack it adds to and what it holds, then each late or replacing
 * paper with why it is late (and, for a council committee, why it is urgent: s.100B(4)(b)).
 */
const supplementPlan = (model: PackModel, s: Supplement): PlannedPart[] => {
  const sent = formatUkDate(ukDateOf(s.of.builtAt));
  const listed = s.items.map((i) => `item ${i.number}, ${i.title}${i.kind === 'replaced' ? ' (replaces the version sent)' : ''}`).join('; ');
  const why = new Map(s.items.map((i) => [i.agendaItemId, i]));
  const withReasons = (p: PaperSection): PackBlock[] => {
    const [title, ...rest] = paper(p);
    const i = why.get(p.agendaItemId)!;
    return [
      title,
      notice(`${i.kind === 'replaced' ? `This paper replaces the version in the pack sent on ${sent}.` : `This paper was not in the pack sent on ${sent}.`} Why it is late: ${i.lateReason}`),
      ...(i.urgency ? [notice(`Reason for urgency (Local Government Act 1972, s.100B(4)(b)): ${i.urgency}`)] : []),
      ...rest,
    ];
  };
  return [
    { label: 'Cover', cover: true, make: () => [...cover(model), notice(`Supplement to the pack sent on ${sent} (${s.of.fileName}). It holds only: ${listed}.`)] },
    ...[...model.papers, ...model.part2Papers].map((p) => ({ label: p.part2 ? `Item ${p.number}: not for publication` : `Item ${p.number}`, item: p.number, make: () => withReasons(p) })),
  ];
};
