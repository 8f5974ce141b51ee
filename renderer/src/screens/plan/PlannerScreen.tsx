import { useEffect, useRef, useState } from 'react';
import { Badge, Button, Card, Field, MessageBar, MessageBarActions, MessageBarBody, Select, Spinner, Text, Title1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { DeepDiveCard, PlannerView } from '@shared/rules/planView';
import type { QuorumError } from '@shared/result';
import { AddABoardFirst } from '../../components/FirstDo';
import { PlanMeetingDialog } from '../meetings/PlanMeetingDialog';
import { bridge, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatUkDate } from '../../format';
import { DeepDiveDialog } from './DeepDiveDialog';
import { DEEP_DIVE_STATUS_LABEL } from '@shared/rules/labels';
import { WordExportButton } from '../governance/WordExportButton';
import { chosenId } from '../../ids';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '16px', alignItems: 'flex-end', flexWrap: 'wrap', margin: '16px 0' },
  layout: { display: 'grid', gridTemplateColumns: '260px minmax(0, 1fr)', gap: '20px', alignItems: 'start' },
  columns: { display: 'flex', gap: '12px', overflowX: 'auto', paddingBottom: '8px' },
  column: { minWidth: '220px', maxWidth: '240px', display: 'flex', flexDirection: 'column', gap: '8px', padding: '10px', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}` },
  short: { border: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}` },
  over: { outline: `3px dashed ${tokens.colorBrandStroke1}` },
  card: { padding: '8px', cursor: 'grab' },
  muted: { color: tokens.colorNeutralForeground3 },
  side: { display: 'flex', flexDirection: 'column', gap: '8px' },
});

type Target = string | null;

const DiveCard = ({ dive, view, onOpen, onMove, focusMe }: { dive: DeepDiveCard; view: PlannerView; onOpen: () => void; onMove: (to: Target) => void; /** Just moved by keyboard: focus follows it to its new column. */ focusMe?: boolean }) => {
  const styles = useStyles();
  const held = ['held', 'follow-up', 'closed'].includes(dive.status);
  const [target, setTarget] = useState(dive.meetingId ?? '');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusMe) ref.current?.focus();
  }, [focusMe]);
  return (
    <Card
      ref={ref}
      tabIndex={-1}
      className={styles.card}
      draggable={!held}
      onDragStart={(e) => {
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', dive.id);
      }}
      aria-label={`Deep dive: ${dive.theme}`}
    >
      <Text weight="semibold">{dive.theme}</Text>
      <Text size={200} className={styles.muted}>
        {DEEP_DIVE_STATUS_LABEL[dive.status]}
        {dive.lead ? ` · ${dive.lead}` : ''}
      </Text>
      {!held && (
        // Chosen first, then moved: arrowing through the list must not move the theme at each step.
        <div style={{ display: 'flex', gap: '4px', alignItems: 'flex-end' }}>
          <Field label="Move to" size="small">
            <Select size="small" value={target} onChange={(_e, d) => setTarget(d.value)} aria-label={`Move “${dive.theme}” to`}>
              <option value="">Unscheduled</option>
              {view.meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {formatUkDate(m.date)}
                </option>
              ))}
            </Select>
          </Field>
          <Button size="small" disabled={target === (dive.meetingId ?? '')} onClick={() => onMove(target || null)} aria-label={`Move “${dive.theme}” to the chosen meeting`}>
            Move
          </Button>
        </div>
      )}
      <Button size="small" onClick={onOpen} aria-label={`Open the briefing for “${dive.theme}”`}>
        Briefing…
      </Button>
    </Card>
  );
};

/** A drop zone for deep dives: a meeting's column, or the unscheduled list. */
const useDrop = (target: Target, onDrop: (id: string, to: Target) => void) => {
  const [over, setOver] = useState(false);
  return {
    over,
    props: {
      onDragOver: (e: React.DragEvent) => {
        e.preventDefault();
        setOver(true);
      },
      onDragLeave: () => setOver(false),
      onDrop: (e: React.DragEvent) => {
        e.preventDefault();
        setOver(false);
        const id = e.dataTransfer.getData('text/plain');
        if (id.startsWith('deepDive:')) onDrop(id, target);
      },
    },
  };
};

const MeetingColumn = ({ meeting, view, move, open, moved }: { meeting: PlannerView['meetings'][number]; view: PlannerView; move: (id: string, to: Target) => void; open: (d: DeepDiveCard) => void; moved: string | null }) => {
  const styles = useStyles();
  const drop = useDrop(meeting.id, move);
  return (
    <section className={mergeClasses(styles.column, meeting.short && styles.short, drop.over && styles.over)} aria-label={`Meeting of ${formatUkDate(meeting.date)}`} {...drop.props}>
      <Text weight="semibold">{formatUkDate(meeting.date)}</Text>
      {meeting.short || meeting.over ? (
        <Badge appearance="filled" color="warning">
          {meeting.deepDives.length} deep dive{meeting.deepDives.length === 1 ? '' : 's'}: the ToR {meeting.over ? 'allows' : 'asks for'} {view.deepDivesPerMeeting}
        </Badge>
      ) : (
        view.deepDivesPerMeeting > 0 && (
          <Badge appearance="tint" color="success">
            Meets the ToR
          </Badge>
        )
      )}
      {meeting.deepDives.map((d) => (
        <DiveCard key={d.id} dive={d} view={view} onOpen={() => open(d)} onMove={(to) => move(d.id, to)} focusMe={moved === d.id} />
      ))}
    </section>
  );
};

/**
 * The chair's year: the board's meetings over two years as columns, deep dives placed in them by
 * drag or by "Move to", the ToR checked in place, unscheduled themes beside, and the themes of the
 * last 24 months, so repeats and gaps show.
 */
export const PlannerScreen = () => {
  const styles = useStyles();
  const boards = useQuery('boards:list', {});
  const [boardId, setBoardId] = useState<string | null>(null);
  const chosen = boardId ?? (boards.state.status === 'ready' ? (boards.state.value[0]?.id ?? null) : null);
  const planner = useQuery('dives:planner', chosenId('board', chosen) ? { boardId: chosenId('board', chosen)! } : null);
  const [dialog, setDialog] = useState<DeepDiveCard | 'new' | null>(null);
  const [planning, setPlanning] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  // The card last moved: its new place takes the focus, so a keyboard user carries on from it.
  const [moved, setMoved] = useState<string | null>(null);
  const move = async (id: string, to: Target) => {
    setError(null);
    const r = await bridge().dives.schedule({ deepDiveId: chosenId('deepDive', id)!, meetingId: chosenId('meeting', to) ?? null });
    if (r.ok) {
      setNotice(r.value.summary);
      setMoved(id);
    } else setError(r.error);
  };
  const unscheduledDrop = useDrop(null, move);
  if (boards.state.status === 'loading' || planner.state.status === 'loading') return <Spinner label="Loading the planner…" />;
  if (boards.state.status === 'error') return <ErrorBar title="The boards could not be loaded" error={boards.state.error} />;
  if (planner.state.status === 'error') return <ErrorBar title="The planner could not be loaded" error={planner.state.error} />;
  const view = planner.state.value;
  return (
    <>
      <Title1 as="h1" block>
        Deep-dive planner
      </Title1>
      <div className={styles.bar}>
        <Field label="Board">
          <Select
            value={chosen ?? ''}
            onChange={(_e, d) => {
              setBoardId(d.value);
              setNotice(null);
              setError(null);
            }}
          >
            {boards.state.value.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </Field>
        {view && (
          <Text className={styles.muted}>
            Terms of reference: {view.deepDivesPerMeeting} deep dive{view.deepDivesPerMeeting === 1 ? '' : 's'} a meeting, {view.meetingsPerYear} meetings a year.
          </Text>
        )}
        <Button onClick={() => setDialog('new')} disabled={!view}>
          Propose a theme…
        </Button>
        {boards.state.value.length === 0 && <AddABoardFirst what="A deep dive" />}
        {view && <WordExportButton label="Export the schedule to Word (public)…" call={() => bridge().exports.plan({ what: 'deep-dives', boardId: view.board.id, variant: 'public' })} />}
        {view && <WordExportButton label="Full version, with Part 2…" call={() => bridge().exports.plan({ what: 'deep-dives', boardId: view.board.id, variant: 'full' })} />}
      </div>
      {view && (
        <Text block className={styles.muted} id="planner-keys">
          Drag a theme onto a meeting, or use the keyboard: Tab to a theme’s “Move to” list, choose a meeting with the arrow keys, then Tab to Move and press Enter. The theme keeps the focus in its new place.
        </Text>
      )}
      <ErrorBar title="The deep dive was not moved" error={error} />
      {notice && !error && (
        <Text role="status" block className={styles.muted}>
          {notice}
        </Text>
      )}
      {view && view.findings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <ul style={{ margin: 0, paddingLeft: '18px' }} aria-label="Checks against the terms of reference">
              {view.findings.map((f) => (
                <li key={`${f.kind}-${f.meetingId ?? ''}-${f.deepDiveId ?? ''}-${f.forwardPlanItemId ?? ''}`}>{f.message}</li>
              ))}
            </ul>
          </MessageBarBody>
          {view.findings.some((f) => f.kind === 'meetings-per-year-short') && (
            <MessageBarActions>
              <Button onClick={() => setPlanning(true)}>Plan another meeting…</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {planning && view && boards.state.status === 'ready' && (
        <PlanMeetingDialog
          boards={boards.state.value.filter((b) => b.id === view.board.id)}
          defaultVenue=""
          onClose={(id) => {
            setPlanning(false);
            if (id) setNotice(`Planned another meeting of the ${view.board.shortName}; it is now a column here.`);
          }}
        />
      )}
      {view && (
        <div className={styles.layout} style={{ marginTop: '12px' }}>
          <div className={styles.side}>
            <section className={mergeClasses(styles.column, unscheduledDrop.over && styles.over)} aria-label="Unscheduled themes" {...unscheduledDrop.props}>
              <Text weight="semibold">Unscheduled themes</Text>
              {view.unscheduled.length === 0 && <Text className={styles.muted}>None: every theme has a meeting.</Text>}
              {view.unscheduled.map((d) => (
                <DiveCard key={d.id} dive={d} view={view} onOpen={() => setDialog(d)} onMove={(to) => move(d.id, to)} focusMe={moved === d.id} />
              ))}
            </section>
            <section aria-labelledby="covered-heading">
              <Text as="h2" id="covered-heading" size={400} weight="semibold" block>
                Covered in the last 24 months
              </Text>
              {view.coveredRecently.length === 0 ? (
                <Text className={styles.muted}>No deep dives yet.</Text>
              ) : (
                <ul>
                  {view.coveredRecently.map((c) => (
                    <li key={`${c.theme}-${c.date}`}>
                      {c.theme} <Text className={styles.muted}>({formatUkDate(c.date)})</Text>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <div className={styles.columns} role="region" aria-label="Meetings over the next two years" tabIndex={0}>
            {view.meetings.length === 0 && <Text>No meetings are planned; plan them on the Meetings screen.</Text>}
            {view.meetings.map((m) => (
              <MeetingColumn key={m.id} meeting={m} view={view} move={move} open={setDialog} moved={moved} />
            ))}
          </div>
        </div>
      )}
      {view && dialog && (
        <DeepDiveDialog
          view={view}
          dive={dialog === 'new' ? null : dialog}
          onClose={(summary) => {
            setDialog(null);
            if (summary) setNotice(summary);
          }}
        />
      )}
    </>
  );
};
