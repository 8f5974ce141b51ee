import type { PackModel } from '../model';
import { formatUkDate } from '../../rules/dates';
import { heading, notice, para, table, type PackBlock } from './blocks';

export const forwardPlan = (model: PackModel): PackBlock[] => {
  const out: PackBlock[] = [heading(1, 'Forward plan', { newPage: true })];
  if (model.forwardPlan.length === 0) out.push(para('No further meetings of the board are scheduled yet.'));
  for (const m of model.forwardPlan) {
    out.push(heading(2, `Meeting of ${formatUkDate(m.date)}`));
    out.push(
      m.items.length
        ? table(['Item', 'Kind', 'Author', 'Key decision'], m.items.map((i) => [i.title, i.kind, i.author, i.keyDecision ? 'Yes' : 'No']))
        : para('No items planned yet.'),
    );
  }
  if (model.unscheduledForwardPlan.length) {
    out.push(heading(2, 'Not yet scheduled'));
    out.push(table(['Item', 'Kind', 'Author', 'Key decision'], model.unscheduledForwardPlan.map((i) => [i.title, i.kind, i.author, i.keyDecision ? 'Yes' : 'No'])));
  }
  return out;
};

export const urgentAndClosing = (model: PackModel): PackBlock[] => {
  const next = model.nextMeeting;
  return [
    heading(1, 'Urgent items', { newPage: true }),
    para('Items the chair agrees to take as a matter of urgency, with the reason for urgency recorded in the minutes. None had been notified when this pack was published.'),
    heading(1, 'Any other business and date of next meeting'),
    para(next ? `The next meeting is on ${formatUkDate(next.date, true)} at ${next.startTime}, ${next.venue || 'venue to be confirmed'}.` : 'The date of the next meeting is to be confirmed.'),
  ];
};

const paragraphs = (model: PackModel) => [...new Set(model.part2Notices.map((n) => n.paragraph))].sort();

/**
 * Part 2. The full pack carries the resolution to exclude the press and public (LGA 1972
 * s.100A(4), citing the Schedule 12A paragraphs); the public pack only a notice per item.
 */
export const part2Opening = (model: PackModel): PackBlock[] => {
  if (model.part2Notices.length === 0) return [];
  const paras = paragraphs(model).join(', ');
  if (model.variant === 'public')
    return [
      heading(1, 'Part 2: items not open to the public', { newPage: true }),
      para('The following items are likely to be considered with the press and public excluded, because they involve exempt information. Their papers are not published.'),
      ...model.part2Notices.map((n) => notice(`Item ${n.number}: ${n.title}. Exempt under Schedule 12A, paragraph ${n.paragraph}.`)),
    ];
  const basis =
    model.board.rules === 'council-committee'
      ? 'under section 100A(4) of the Local Government Act 1972'
      : 'in line with its terms of reference, applying the tests in the Local Government Act 1972';
  return [
    heading(1, 'Exclusion of the press and public', { newPage: true }),
    para(
      `Recommended: that, ${basis}, the press and public be excluded from the meeting for the following item${model.part2Notices.length === 1 ? '' : 's'} of business, on the grounds that ${model.part2Notices.length === 1 ? 'it involves' : 'they involve'} the likely disclosure of exempt information as defined in paragraph${paragraphs(model).length === 1 ? '' : 's'} ${paras} of Part 1 of Schedule 12A to the Act.`,
    ),
    ...model.part2Notices.map((n) => para(`Item ${n.number}: ${n.title} (paragraph ${n.paragraph})`)),
  ];
};
