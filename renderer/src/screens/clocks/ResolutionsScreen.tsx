import { useState } from 'react';
import { Button, Card, CardHeader, Field, Input, Spinner, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { formatUkDate } from '../../format';

const VOTE_LABEL = { for: 'for', against: 'against', abstain: 'abstain' } as const;

const useStyles = makeStyles({
  list: { display: 'grid', gap: '16px', marginTop: '16px', maxWidth: '820px' },
  muted: { color: tokens.colorNeutralForeground3 },
  votes: { display: 'flex', gap: '8px', marginTop: '12px', flexWrap: 'wrap', alignItems: 'end' },
});

/**
 * A partner reviewer's written resolutions (team mode): each one sent to them, with the window, and
 * their own reply, given here once; the secretariat receives it when the copies next meet.
 */
export const ResolutionsScreen = ({ personId }: { personId?: string }) => {
  const styles = useStyles();
  const list = useQuery('decisions:mine', { personId: (personId ?? 'person:none') as never });
  const [comment, setComment] = useState<Record<string, string>>({});
  const [error, setError] = useState<QuorumError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  if (!personId)
    return (
      <>
        <Title1 as="h1" block>
          Written resolutions
        </Title1>
        <Text block>Your sign-in is not linked to your name in the partnership’s directory, so no resolution can be sent to you yet. Ask the secretariat to link it.</Text>
      </>
    );
  const vote = async (decisionId: string, v: 'for' | 'against' | 'abstain') => {
    setSending(true);
    const r = await call('decisions:reply', { decisionId: decisionId as never, personId: personId as never, vote: v, via: 'own', ...(comment[decisionId]?.trim() ? { comment: comment[decisionId].trim() } : {}) });
    setSending(false);
    if (r.ok) {
      setError(null);
      setNotice(r.value.summary);
    } else setError(r.error);
  };
  return (
    <>
      <Title1 as="h1" block>
        Written resolutions
      </Title1>
      <Text block className={styles.muted}>
        Decisions the board takes between meetings, sent to you as a voting member. Your reply is recorded once, in your own name, and reported to the next meeting with the outcome.
      </Text>
      <ErrorBar title="Your reply was not recorded" error={error} />
      {notice && (
        <Text role="status" block>
          {notice}
        </Text>
      )}
      {list.state.status === 'loading' && <Spinner label="Loading your resolutions…" />}
      {list.state.status === 'error' && <ErrorBar title="The resolutions could not be loaded" error={list.state.error} />}
      {list.state.status === 'ready' && (
        <div className={styles.list}>
          {list.state.value.length === 0 && <Text>No written resolution has been sent to you.</Text>}
          {list.state.value.map((d) => (
            <Card key={d.id} aria-labelledby={`${d.id}-title`}>
              <CardHeader header={<Text as="h2" id={`${d.id}-title`} weight="semibold" size={500}>{d.title}</Text>} description={<Text className={styles.muted}>{d.board}: replies from {formatUkDate(d.opensOn)} to {formatUkDate(d.closesOn)}</Text>} />
              <Text block>{d.text}</Text>
              {d.myReply && (
                <Text block weight="semibold">
                  Your reply on {formatUkDate(d.myReply.receivedOn)}: {VOTE_LABEL[d.myReply.vote]}.
                </Text>
              )}
              {d.outcome && <Text block>{d.outcome}</Text>}
              {d.open && !d.myReply && (
                <div className={styles.votes} role="group" aria-label={`Your reply to ${d.title}`}>
                  <Field label="Comment (optional)">
                    <Input value={comment[d.id] ?? ''} onChange={(_e, v) => setComment((c) => ({ ...c, [d.id]: v.value }))} />
                  </Field>
                  <Button appearance="primary" disabled={sending} onClick={() => void vote(d.id, 'for')}>
                    For
                  </Button>
                  <Button disabled={sending} onClick={() => void vote(d.id, 'against')}>
                    Against
                  </Button>
                  <Button disabled={sending} onClick={() => void vote(d.id, 'abstain')}>
                    Abstain
                  </Button>
                </div>
              )}
            </Card>
          ))}
        </div>
      )}
    </>
  );
};
