import { useState } from 'react';
import { Badge, Field, Input, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DataTable } from '../../components/DataTable';
import { Part } from '../../components/Part';
import type { AttendanceRecord } from '@shared/views';
import { call, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatUkDate } from '../../format';
import { usePeriod } from './usePeriod';
import { WordExportButton } from '../governance/WordExportButton';
import { AttendanceChart } from './AttendanceChart';

/**
 * Attendance and representation over a period (docs/ARCHITECTURE.md, attendance and
 * representation): a chart and its table, statutory seats not filled, organisations, quorum
 * failures, and the exports (Word, CSV; public without the reasons for absence).
 */
const useStyles = makeStyles({
  bar: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'end', margin: '16px 0' },
  muted: { color: tokens.colorNeutralForeground3 },
  exports: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'start', margin: '8px 0' },
});



export const AttendanceReport = () => {
  const styles = useStyles();
  const boards = useQuery('boards:list', {});
  const [boardId, setBoardId] = useState('');
  const { typed, setFrom, setTo, backwards, asked } = usePeriod();
  const [variant, setVariant] = useState<'full' | 'public'>('full');
  const input = { ...(boardId ? { boardId: boardId as `board:${string}` } : {}), ...asked };
  const view = useQuery('attendance:summary', input);
  const r: AttendanceRecord | undefined = view.state.status === 'ready' ? view.state.value : undefined;
  const exportInput = r ? { from: r.from, to: r.to, ...(boardId ? { boardId: boardId as `board:${string}` } : {}), variant } : undefined;
  return (
    <div>
      <div className={styles.bar}>
        <Field label="Board">
          <Select value={boardId} onChange={(_e, d) => setBoardId(d.value)}>
            <option value="">All boards</option>
            {boards.state.status === 'ready' &&
              boards.state.value.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
          </Select>
        </Field>
        <Field label="From">
          <Input type="date" value={typed.from ?? r?.from ?? ''} onChange={(_e, d) => setFrom(d.value)} />
        </Field>
        <Field label="To" validationMessage={backwards ? 'The period ends before it begins' : undefined}>
          <Input type="date" value={typed.to ?? r?.to ?? ''} onChange={(_e, d) => setTo(d.value)} />
        </Field>
        <Field label="Exports">
          <Select value={variant} onChange={(_e, d) => setVariant(d.value as 'full' | 'public')}>
            <option value="full">Full: with reasons for absence (not for publication)</option>
            <option value="public">Public: without reasons for absence</option>
          </Select>
        </Field>
      </div>
      {exportInput && (
        <div className={styles.exports}>
          <WordExportButton label="Export to Word…" call={() => call('exports:attendance', { ...exportInput, format: 'docx' })} />
          <WordExportButton label="Export as CSV…" call={() => call('exports:attendance', { ...exportInput, format: 'csv' })} />
        </div>
      )}
      {view.state.status === 'loading' && <Spinner label="Counting attendance…" />}
      {view.state.status === 'error' && <ErrorBar title="The attendance could not be counted" error={view.state.error} />}
      {r && <AttendanceBody r={r} />}
    </div>
  );
};

const AttendanceBody = ({ r }: { r: AttendanceRecord }) => {
  const styles = useStyles();
  const statutory = r.seats.filter((s) => s.statutory);
  const failures = r.meetings.filter((m) => !m.quorate);
  const reasons = r.people.flatMap((p) => p.reasons.map((x) => ({ ...x, name: p.name })));
  return (
    <>
      <Text block role="status">
        {formatUkDate(r.from)} to {formatUkDate(r.to)}: {r.meetingsHeld} {r.meetingsHeld === 1 ? 'meeting' : 'meetings'} held
        {r.meetingsCancelled ? `, ${r.meetingsCancelled} cancelled (not counted)` : ''}. Each member is counted against the terms of reference in force on the day.
      </Text>
      {r.meetingsHeld === 0 ? (
        <Text block className={styles.muted}>
          No meetings were held in this period. Choose another period, or record the attendance of a meeting held (Meetings, Attendance).
        </Text>
      ) : (
        <>
          <Part size={500} id="att-members" title="Members">
            <AttendanceChart people={r.people} tableId="att-members-table" caption="Meetings attended by each member, in person or by a substitute" />
            <DataTable
              id="att-members-table"
              label="Attendance by member"
              headers={['Member', 'Organisation', 'Seat', 'Expected', 'Present', 'By a substitute', 'Apologies', 'Absent without apologies', 'Not recorded', 'Attended']}
              rows={r.people.map((p) => {
                const attended = p.present + p.bySubstitute;
                return { key: p.personId, cells: [p.name, p.organisation, p.seats.join('; '), p.expected, p.present, p.bySubstitute, p.apologies, p.absent, p.notRecorded, `${attended} of ${p.expected} (${p.expected ? Math.round((100 * attended) / p.expected) : 0}%)`] };
              })}
            />
          </Part>
          <Part size={500} id="att-statutory" title="Statutory seats">
            <Text block size={200} className={styles.muted}>
              The three safeguarding partners (Children Act 2004 s.16E; Working Together to Safeguard Children 2023, chapter 2) and the members a Health and Wellbeing Board must have (Health and
              Social Care Act 2012 s.194), as marked in the terms of reference.
            </Text>
            {statutory.length === 0 ? (
              <Text block>No seat is marked statutory in the terms of reference in force. Mark them in Terms of reference (a new version, approved by the board).</Text>
            ) : (
              <DataTable
                label="Statutory seats"
                headers={['Seat', 'Board', 'Meetings', 'By the member', 'By a deputy', 'Not filled']}
                rows={statutory.map((s) => ({
                  key: `${s.boardId}#${s.key}`,
                  cells: [
                    `${s.role} (${s.organisation})`,
                    s.board,
                    s.expected,
                    s.present,
                    s.bySubstitute,
                    s.unfilled ? (
                      <>
                        <Badge color="danger">{s.unfilled}</Badge> {s.unfilledOn.map((d) => formatUkDate(d)).join('; ')}
                      </>
                    ) : (
                      'None'
                    ),
                  ],
                }))}
              />
            )}
          </Part>
          <Part size={500} id="att-orgs" title="Organisations">
            <DataTable
              label="Representation by organisation"
              headers={['Organisation', 'Meetings with a seat', 'Represented', 'Not represented on']}
              rows={r.organisations.map((o) => ({ key: o.organisationId, cells: [o.name, o.expected, o.represented, o.notRepresentedOn.join('; ') || 'None'] }))}
            />
          </Part>
          <Part size={500} id="att-quorum" title="Quorum">
            <DataTable label="Quorum by year" headers={['Year', 'Meetings held', 'Not quorate']} rows={r.quorumByYear.map((y) => ({ key: y.year, cells: [y.year, y.held, y.notQuorate] }))} />
            {failures.length > 0 && (
              <ul>
                {failures.map((m) => (
                  <li key={m.meetingId}>
                    {formatUkDate(m.date)}, {m.board}: {m.reasons.join(' ')}
                  </li>
                ))}
              </ul>
            )}
          </Part>
          <Part size={500} id="att-reasons" title="Reasons for absence">
            <Text block size={200} className={styles.muted}>
              Not for publication: the public export and the website leave them out.
            </Text>
            {reasons.length === 0 ? (
              <Text block>No reasons were recorded. Record one with apologies on a meeting’s Attendance tab.</Text>
            ) : (
              <ul>
                {reasons.map((x) => (
                  <li key={`${x.name}${x.date}${x.board}`}>
                    {x.name}, {formatUkDate(x.date)} ({x.board}): {x.reason}
                  </li>
                ))}
              </ul>
            )}
          </Part>
        </>
      )}
    </>
  );
};
