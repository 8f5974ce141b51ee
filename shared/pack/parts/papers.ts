import type { DeepDiveBriefing, PaperSection } from '../model';
import { PURPOSE_LABEL } from '../model';
import { bullets, facts, heading, markdown, notice, para, table, type PackBlock } from './blocks';

const EVIDENCE_LABEL: Record<string, string> = { data: 'Data', audit: 'Audit', 'case-files': 'Case files', 'voice-of-the-child': 'Voice of the child', other: 'Other' };

/** A paper: its cover sheet (the facts a member needs first), then the report itself. */
export const paper = (p: PaperSection): PackBlock[] => {
  const c = p.coverSheet;
  const out: PackBlock[] = [heading(1, `Item ${p.number}: ${p.title}`, { newPage: true })];
  if (p.part2) out.push(notice(`Not for publication: exempt information under Schedule 12A, paragraph ${p.part2.paragraph}.${p.part2.reason ? ` ${p.part2.reason}` : ''}`));
  out.push(heading(2, 'Cover sheet'));
  out.push(
    facts([
      ['Report of', c.reportOf],
      ['Author and contact', [c.author, c.authorContact].filter(Boolean).join(', ')],
      ['Presenting', p.presenters],
      ['Purpose', PURPOSE_LABEL[p.purpose]],
      ['Classification', c.classification === 'exempt' ? 'Exempt (Part 2)' : 'Public'],
      ['Background papers', c.backgroundPapers || 'None'],
    ]),
  );
  if (c.executiveSummary.trim()) out.push(heading(3, 'Executive summary'), markdown(c.executiveSummary, 3));
  if (c.recommendations.length) out.push(heading(3, 'Recommendations'), bullets(c.recommendations));
  out.push(
    heading(3, 'Implications'),
    facts([
      ['Finance', c.implications.finance],
      ['Legal', c.implications.legal],
      ['Equalities', c.implications.equalities],
      ['Risk', c.implications.risk],
      ...(c.implications.voiceOfChild?.trim() ? [['The voice of the child', c.implications.voiceOfChild] as [string, string]] : []),
    ]),
  );
  out.push(heading(2, 'Report'));
  if (p.state === 'to-follow') out.push(notice('This paper will follow. It had not been received when the pack was published.'));
  else out.push(markdown(p.body, 2));
  return out;
};

export const deepDive = (d: DeepDiveBriefing): PackBlock[] => [
  heading(1, `Deep-dive briefing: ${d.theme}`, { newPage: true }),
  ...(d.agendaNumber ? [para(`For agenda item ${d.agendaNumber}.`)] : []),
  facts([
    ['Lead', d.lead],
    ['Presenting', d.presenters],
  ]),
  heading(2, 'Why now'),
  d.whyNow.trim() ? markdown(d.whyNow, 2) : para('Not given.'),
  heading(2, 'Key lines of enquiry'),
  d.linesOfEnquiry.length ? bullets(d.linesOfEnquiry) : para('To be agreed with the chair.'),
  heading(2, 'Evidence asked for'),
  d.evidence.length
    ? table(['Evidence', 'Kind', 'Provided by', 'Due'], d.evidence.map((e) => [e.description, EVIDENCE_LABEL[e.kind] ?? e.kind, e.providedBy, e.due]))
    : para('No evidence has been asked for yet.'),
];
