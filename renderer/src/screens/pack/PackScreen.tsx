import { useState } from 'react';
import { Field, Radio, RadioGroup, Select, Spinner, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { MeetingSummary } from '@shared/views';
import type { PackVariant } from '@shared/pack/model';
import { useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatUkDate } from '../../format';
import { AgendaPapers, rowId } from './AgendaPapers';
import { PublishPanel } from './PublishPanel';
import { SupplementPanel } from './SupplementPanel';
import { BuildPanel } from './BuildPanel';
import { History } from './History';
import { PreflightList, type FixTarget } from './Preflight';
import type { Destination } from '../../navigation';

const useStyles = makeStyles({
  choices: { display: 'flex', gap: '32px', alignItems: 'flex-end', flexWrap: 'wrap', marginTop: '16px' },
  meeting: { minWidth: '420px' },
  section: { marginTop: '28px', display: 'flex', flexDirection: 'column', gap: '12px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const H2 = ({ id, children }: { id: string; children: string }) => (
  <Text as="h2" id={id} size={600} weight="semibold">
    {children}
  </Text>
);

const meetingLabel = (m: MeetingSummary) => `${m.boardName}, ${formatUkDate(m.date, true)} ${m.startTime}${m.isNext ? ' (next)' : ''}${m.status === 'held' ? ' (held)' : ''}`;

/** The meeting a secretariat most likely wants: the soonest next meeting of any board. */
const defaultMeeting = (meetings: readonly MeetingSummary[]) => meetings.find((m) => m.isNext)?.id ?? meetings.at(-1)?.id ?? null;

const MeetingPack = ({ meetingId, variant, onNavigate }: { meetingId: string; variant: PackVariant; onNavigate: (to: Destination) => void }) => {
  const styles = useStyles();
  const pre = useQuery('pack:preflight', { meetingId, variant });
  const agenda = useQuery('agenda:list', { meetingId });
  const history = useQuery('pack:history', { meetingId });
  const [highlight, setHighlight] = useState<string | null>(null);

  const fix = (t: FixTarget) => {
    if (t.kind === 'settings') return onNavigate({ area: 'settings' });
    if (t.kind === 'tor') return onNavigate({ area: 'tor' });
    if (t.kind === 'planner') return onNavigate({ area: 'planner' });
    if (t.kind === 'meeting') return onNavigate({ area: 'meetings', meetingId: t.id, tab: t.tab });
    setHighlight(t.id);
    const row = document.getElementById(rowId(t.id));
    row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    // Focus the row's first action so a keyboard user lands where the fix is.
    (row?.querySelector('button') ?? row)?.focus();
  };
  const reload = () => {
    pre.reload();
    agenda.reload();
    history.reload();
  };

  if (pre.state.status === 'error') return <ErrorBar title="Pre-flight could not run" error={pre.state.error} />;
  if (agenda.state.status === 'error') return <ErrorBar title="The agenda could not be loaded" error={agenda.state.error} />;
  if (pre.state.status === 'loading' || agenda.state.status === 'loading') return <Spinner label="Checking the pack…" />;
  const report = pre.state.value;
  const lines = agenda.state.value;
  const builds = history.state.status === 'ready' ? history.state.value : [];
  return (
    <>
      <section className={styles.section} aria-labelledby="preflight-heading">
        <H2 id="preflight-heading">Pre-flight</H2>
        <PreflightList report={report} agenda={lines} onFix={fix} />
      </section>
      <section className={styles.section} aria-labelledby="build-heading">
        <H2 id="build-heading">Build</H2>
        <BuildPanel key={variant} meetingId={meetingId} variant={variant} report={report} onBuilt={reload} latestBuildId={builds[0]?.id ?? null} />
        <SupplementPanel key={`supplement-${variant}`} meetingId={meetingId} variant={variant} onBuilt={reload} />
      </section>
      <section className={styles.section} aria-labelledby="agenda-heading">
        <H2 id="agenda-heading">Agenda and papers</H2>
        <AgendaPapers agenda={lines} highlight={highlight} onChanged={reload} meetingId={meetingId} variant={variant} />
      </section>
      <section className={styles.section} aria-labelledby="website-heading">
        <H2 id="website-heading">Website</H2>
        <PublishPanel />
      </section>
      <section className={styles.section} aria-labelledby="history-heading">
        <H2 id="history-heading">Built packs</H2>
        {history.state.status === 'error' ? <ErrorBar title="The history could not be loaded" error={history.state.error} /> : <History builds={builds} />}
      </section>
    </>
  );
};

export const PackScreen = ({ onNavigate }: { onNavigate: (to: Destination) => void }) => {
  const styles = useStyles();
  const { state } = useQuery('meetings:list', {});
  const [chosen, setMeetingId] = useState<string | null>(null);
  const [variant, setVariant] = useState<PackVariant>('public');
  const meetings = state.status === 'ready' ? state.value.filter((m) => m.status !== 'cancelled') : [];
  // The officer's choice while that meeting exists; otherwise the next meeting.
  const meetingId = chosen && meetings.some((m) => m.id === chosen) ? chosen : defaultMeeting(meetings);

  if (state.status === 'loading') return <Spinner label="Loading meetings…" />;
  if (state.status === 'error') return <ErrorBar title="The meetings could not be loaded" error={state.error} />;
  return (
    <>
      <Title1 as="h1" block>
        Board pack
      </Title1>
      <Text as="p" block className={styles.muted}>
        Check the meeting’s papers, then build its pack as a Word document, or save it as a PDF for members’ tablets and the website.
      </Text>
      {meetings.length === 0 ? (
        <Text as="p">There are no meetings yet.</Text>
      ) : (
        <div className={styles.choices}>
          <Field label="Meeting" className={styles.meeting}>
            <Select value={meetingId ?? ''} onChange={(_e, d) => setMeetingId(d.value)}>
              {meetings.map((m) => (
                <option key={m.id} value={m.id}>
                  {meetingLabel(m)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Pack">
            <RadioGroup layout="horizontal" value={variant} onChange={(_e, d) => setVariant(d.value as PackVariant)}>
              <Radio value="public" label="Public (Part 2 withheld)" />
              <Radio value="full" label="Full, for members (with Part 2)" />
            </RadioGroup>
          </Field>
        </div>
      )}
      {meetingId && <MeetingPack key={meetingId} meetingId={meetingId} variant={variant} onNavigate={onNavigate} />}
    </>
  );
};

