import { useState } from 'react';
import { Badge, Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowDown20Regular, DocumentPdf20Regular } from '@fluentui/react-icons';
import type { ExportOutcome } from '@shared/views';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../../bridge';
import { DataTable } from '../../components/DataTable';
import { ErrorBar } from '../../components/ErrorBar';
import { Part } from '../../components/Part';
import { usePeriod } from './usePeriod';
import { TaskProgress, useTaskProgress } from '../../components/TaskProgress';
import { formatBytes, formatUkDate } from '../../format';

/**
 * The yearly report drafted from the records (docs/ARCHITECTURE.md, the yearly report): the year's
 * figures as they will print, then the draft saved as Word (to write the narrative in) or PDF.
 */
const useStyles = makeStyles({
  bar: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'end', margin: '16px 0' },
  muted: { color: tokens.colorNeutralForeground3 },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: '8px', margin: '8px 0', padding: 0, listStyleType: 'none' },
  figure: { padding: '8px 12px', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  value: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, display: 'block' },
});


export const YearlyReport = () => {
  const styles = useStyles();
  const [boardId, setBoardId] = useState('');
  const { typed, setFrom, setTo, backwards, asked } = usePeriod();
  const [variant, setVariant] = useState<'public' | 'full'>('public');
  const view = useQuery('reports:yearly', { ...(boardId ? { boardId: boardId as `board:${string}` } : {}), ...asked });
  const { progress, busy, track } = useTaskProgress('report');
  const [saved, setSaved] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  if (view.state.status === 'loading') return <Spinner label="Counting the year…" />;
  if (view.state.status === 'error') return <ErrorBar title="The year could not be counted" error={view.state.error} />;
  const v = view.state.value;
  const r = v.report;
  if (!r) return <Text block>Add a board first (People and boards): the yearly report is drafted from a board’s records.</Text>;
  const scp = r.kind === 'safeguarding-partnership';
  const save = async (format: 'docx' | 'pdf') => {
    setSaved(null);
    setError(null);
    const result = await track('Waiting for you to choose where to save…', (taskId) => call('exports:yearlyReport', { boardId: r.boardId as `board:${string}`, from: r.from, to: r.to, format, variant, taskId }));
    if (result.ok) setSaved(result.value);
    else setError(result.error);
  };
  const c = r.counts;
  const figures: [string, string | number][] = [
    ['Meetings held', c.meetingsHeld],
    ['Meetings cancelled', c.meetingsCancelled],
    ['Not quorate', r.quorumFailures],
    ['Resolutions', c.resolutions],
    ['Decisions between meetings', c.decisionsBetween],
    ...(scp ? ([['Reviews begun', c.reviewsStarted]] as [string, number][]) : []),
    ['Actions raised', c.actionsRaised],
    ['Actions completed', c.actionsDone],
    ['Actions open at the end', c.actionsOpen],
    ['Deep dives', c.deepDives],
  ];
  return (
    <div>
      <div className={styles.bar}>
        <Field label="Board">
          <Select value={r.boardId} onChange={(_e, d) => setBoardId(d.value)}>
            {v.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="From">
          <Input type="date" value={typed.from ?? r.from} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label="To" validationMessage={backwards ? 'The period ends before it begins' : undefined}>
          <Input type="date" value={typed.to ?? r.to} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <Field label="Draft">
          <Select value={variant} onChange={(_e, d) => setVariant(d.value as 'public' | 'full')}>
            <option value="public">For publication (Part 2 counted, not described)</option>
            <option value="full">Full, with Part 2 (not for publication)</option>
          </Select>
        </Field>
      </div>
      <Text block>
        {scp ? 'The yearly report' : 'The annual summary'} for {formatUkDate(r.from)} to {formatUkDate(r.to)}, drafted from the records: every figure below goes into it with where it came from, and you write the narrative
        in Word where it says “To write”.
      </Text>
      <Text block size={200} className={styles.muted}>
        {r.source}
      </Text>
      <div className={styles.bar}>
        <Button appearance="primary" icon={<DocumentArrowDown20Regular />} disabled={busy} onClick={() => save('docx')}>
          Save the draft as Word…
        </Button>
        <Button icon={<DocumentPdf20Regular />} disabled={busy} onClick={() => save('pdf')}>
          Save the draft as PDF…
        </Button>
      </div>
      <TaskProgress what="Drafting the report" progress={progress} />
      <ErrorBar title="The draft was not saved" error={error} />
      {saved && (
        <MessageBar intent={saved.saved ? 'success' : 'info'}>
          <MessageBarBody>{saved.saved ? `Saved ${saved.file} (${formatBytes(saved.bytes)}).` : saved.reason}</MessageBarBody>
        </MessageBar>
      )}
      <Part size={500} id="report-figures" title="The year in figures">
        <ul className={styles.figures} aria-label="The year in figures">
          {figures.map(([label, value]) => (
            <li key={label} className={styles.figure}>
              <span className={styles.value}>{value}</span>
              {label}
            </li>
          ))}
        </ul>
      </Part>
      <Part size={500} id="report-partners" title={scp ? 'The safeguarding partners' : 'Statutory members'}>
        {r.seats.length === 0 ? (
          <Text block>No seat is marked statutory in the terms of reference in force: mark them in Terms of reference (a new version, approved by the board).</Text>
        ) : (
          <DataTable
            label={scp ? 'The safeguarding partners’ attendance' : 'Statutory members’ attendance'}
            headers={['Seat', 'Organisation', 'Meetings', 'By the member', 'By a deputy', 'Not filled']}
            rows={r.seats.map((s) => ({ key: s.key, cells: [s.role, s.organisation, s.expected, s.present, s.bySubstitute, s.unfilled ? <Badge key="n" color="danger">{s.unfilled}</Badge> : 'None'] }))}
          />
        )}
      </Part>
      {scp && (
        <Part size={500} id="report-reviews" title="Rapid reviews and practice reviews">
          {r.reviews.length === 0 ? (
            <Text block>No review was open in the year.</Text>
          ) : (
            <DataTable
              label="Reviews and their clocks"
              headers={['Review', 'Step', 'Due', 'Done', 'In time']}
              rows={r.reviews.flatMap((c) => c.steps.map((s) => ({ key: `${c.title}-${s.title}`, cells: [c.title, s.title, formatUkDate(s.dueOn), s.doneOn ? formatUkDate(s.doneOn) : 'Not yet', s.onTime === null ? '' : s.onTime ? 'Yes' : <Badge key="late" color="danger">No</Badge>] })))}
            />
          )}
        </Part>
      )}
    </div>
  );
};
