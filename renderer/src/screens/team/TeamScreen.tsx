import { useState } from 'react';
import { Badge, Button, Card, CardHeader, Field, MessageBar, MessageBarBody, Spinner, Tab, TabList, Text, Textarea, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { NeedsDecisionView, NotAppliedView, TeamSummary } from '@shared/views';
import { call, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { useChange, useInFlight } from '../../components/useChange';
import { formatTimestamp as formatUkDateTime } from '../../format';
import { SyncBadge } from './SyncBadge';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px', maxWidth: '1100px' },
  card: { padding: '16px', display: 'flex', flexDirection: 'column', gap: '12px' },
  versions: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '16px' },
  version: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: '12px', display: 'flex', flexDirection: 'column', gap: '8px' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  removed: { backgroundColor: tokens.colorPaletteRedBackground2, textDecorationLine: 'line-through' },
  added: { backgroundColor: tokens.colorPaletteGreenBackground2, textDecorationLine: 'underline' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const RolesLine = ({ team }: { team: TeamSummary }) => (
  <Text>
    Signed in to <Text weight="semibold">{team.partnership}</Text> on {team.server} as <Text weight="semibold">{team.user}</Text> (
    {team.roles.map((r) => (r === 'part2' ? 'cleared for Part 2' : r === 'partner' ? 'partner reviewer' : 'secretariat')).join(', ')}).
  </Text>
);

/** Team mode: how the sync stands, the clashes waiting for a person, and the changes the server refused. */
export const TeamScreen = ({ team }: { team: TeamSummary }) => {
  const styles = useStyles();
  const [tab, setTab] = useState<'decide' | 'refused'>('decide');
  const { pending, run } = useInFlight();
  const [syncError, setSyncError] = useState<string | null>(null);
  const syncNow = () =>
    run(async () => {
      setSyncError(null);
      const r = await call('team:syncNow', {});
      if (!r.ok) setSyncError(r.error.message);
    });
  return (
    <div className={styles.page}>
      <Title2 as="h1">Team</Title2>
      <RolesLine team={team} />
      <div className={styles.row}>
        <SyncBadge team={team} />
        <Button onClick={() => void syncNow()} disabled={pending}>
          {pending ? 'Syncing…' : 'Sync now'}
        </Button>
        {team.sync.lastError && team.sync.state !== 'synced' && <Text className={styles.muted}>{team.sync.lastError}</Text>}
      </div>
      {syncError && (
        <MessageBar intent="warning">
          <MessageBarBody>{syncError}</MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as 'decide' | 'refused')} aria-label="Team lists">
        <Tab value="decide">Needs decision{team.decisions ? ` (${team.decisions})` : ''}</Tab>
        <Tab value="refused">Not applied{team.notApplied ? ` (${team.notApplied})` : ''}</Tab>
      </TabList>
      {tab === 'decide' ? <NeedsDecisionList /> : <NotAppliedList />}
    </div>
  );
};

const Diff = ({ diff }: { diff: NeedsDecisionView['fields'][number]['diff'] }) => {
  const styles = useStyles();
  return (
    <Text className={styles.text} aria-label="The changes, word by word">
      {diff.map((part, i) =>
        part.change === 'same' ? (
          <span key={i}>{part.text}</span>
        ) : part.change === 'removed' ? (
          <del key={i} className={styles.removed} title="only in the second version">
            {part.text}
          </del>
        ) : (
          <ins key={i} className={styles.added} title="only in the first version">
            {part.text}
          </ins>
        ),
      )}
    </Text>
  );
};

const NeedsDecisionList = () => {
  const styles = useStyles();
  const { state } = useQuery('team:decisions', {});
  if (state.status === 'loading') return <Spinner label="Loading…" />;
  if (state.status === 'error') return <ErrorBar title="The list could not be loaded" error={state.error} />;
  if (state.value.length === 0)
    return (
      <Text className={styles.muted}>
        Nothing needs a decision. When two officers change the same words while apart (the same minute, say), both versions wait here for one of you to choose.
      </Text>
    );
  return (
    <>
      {state.value.map((d) => (
        <DecisionCard key={d.key} decision={d} />
      ))}
    </>
  );
};

const DecisionCard = ({ decision }: { decision: NeedsDecisionView }) => {
  const styles = useStyles();
  const { act, pending, error, notice } = useChange();
  const [combining, setCombining] = useState<Record<string, string> | null>(null);
  const versions = decision.fields[0]?.versions ?? [];
  return (
    <Card className={styles.card} aria-label={`Needs decision: ${decision.what}`}>
      <CardHeader header={<Text as="h2" weight="semibold" size={400}>{decision.what}</Text>} description={<Text className={styles.muted}>Two officers changed this while apart. Keep one version, or combine them.</Text>} />
      <ErrorBar title="The decision was not saved" error={error} />
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {decision.fields.map((f) => (
        <div key={f.field} className={styles.card}>
          <Text weight="semibold">{f.label}</Text>
          <div className={styles.versions}>
            {f.versions.map((v) => (
              <section key={v.rev} className={styles.version} aria-label={`${v.by}’s version`}>
                <Text className={styles.muted}>
                  {v.by}’s version{v.at ? `, ${formatUkDateTime(v.at)}` : ''}
                </Text>
                <Text className={styles.text}>{v.text || '(empty)'}</Text>
              </section>
            ))}
          </div>
          {f.versions.length === 2 && (
            <Field label={`Word by word, from ${f.versions[1].by}’s to ${f.versions[0].by}’s`}>
              <Diff diff={f.diff} />
            </Field>
          )}
          {combining && (
            <Field label={`${f.label}, combined`}>
              <Textarea resize="vertical" rows={6} value={combining[f.field] ?? ''} onChange={(_e, d) => setCombining({ ...combining, [f.field]: d.value })} />
            </Field>
          )}
        </div>
      ))}
      <div className={styles.row}>
        {combining ? (
          <>
            <Button appearance="primary" disabled={pending} onClick={() => void act(() => call('team:decide', { key: decision.key, combined: combining }))}>
              {pending ? 'Saving…' : 'Save the combined version'}
            </Button>
            <Button disabled={pending} onClick={() => setCombining(null)}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            {versions.map((v) => (
              <Button key={v.rev} disabled={pending} onClick={() => void act(() => call('team:decide', { key: decision.key, keep: v.rev }))}>
                Keep {v.by}’s version
              </Button>
            ))}
            <Button disabled={pending} onClick={() => setCombining(Object.fromEntries(decision.fields.map((f) => [f.field, f.versions[0]?.text ?? ''])))}>
              Combine them…
            </Button>
          </>
        )}
      </div>
    </Card>
  );
};

const NotAppliedList = () => {
  const styles = useStyles();
  const { state } = useQuery('team:notApplied', {});
  const { pending, run } = useInFlight();
  const [copied, setCopied] = useState<number | null>(null);
  if (state.status === 'loading') return <Spinner label="Loading…" />;
  if (state.status === 'error') return <ErrorBar title="The list could not be loaded" error={state.error} />;
  if (state.value.length === 0) return <Text className={styles.muted}>Every change you made has been applied. A change the server refuses (minutes approved meanwhile, say) is kept here, with its words, for you to copy.</Text>;
  const copy = async (n: NotAppliedView) => {
    try {
      await navigator.clipboard.writeText(n.text);
      setCopied(n.index);
    } catch {
      // The text is selectable below in any case.
      setCopied(null);
    }
  };
  return (
    <>
      {state.value.map((n) => (
        <Card key={`${n.index}-${n.at}`} className={styles.card} aria-label={`Not applied: ${n.what}`}>
          <CardHeader header={<Text as="h2" weight="semibold" size={400}>{n.what}</Text>} description={<Text className={styles.muted}>{formatUkDateTime(n.at)}</Text>} />
          <MessageBar intent="warning">
            <MessageBarBody>{n.reason}</MessageBarBody>
          </MessageBar>
          <Field label="Your words, as you wrote them">
            <Textarea readOnly resize="vertical" rows={6} value={n.text} />
          </Field>
          <div className={styles.row}>
            <Button onClick={() => void copy(n)}>{copied === n.index ? 'Copied' : 'Copy the text'}</Button>
            <Button disabled={pending} onClick={() => void run(() => call('team:dismissNotApplied', { index: n.index }))}>
              Done with it
            </Button>
            {copied === n.index && <Badge appearance="tint">On the clipboard</Badge>}
          </div>
        </Card>
      ))}
    </>
  );
};
