import { useState } from 'react';
import { Button, Card, CardHeader, Field, Input, Text } from '@fluentui/react-components';
import { call, useQuery } from '../../bridge';
import { useChange } from '../../components/useChange';
import { formatUkDate } from '../../format';
import { OwnAnswers, useOwnStyles } from './ownAnswers';

const VOTE_LABEL = { for: 'for', against: 'against', abstain: 'abstain' } as const;

/**
 * A partner reviewer's written resolutions (team mode): each one sent to them, with the window, and
 * their own reply, given here once; the secretariat receives it when the copies next meet.
 */
export const ResolutionsScreen = ({ personId }: { personId?: string }) => {
  const styles = useOwnStyles();
  const list = useQuery('decisions:mine', { personId: (personId ?? 'person:none') as never });
  const [comment, setComment] = useState<Record<string, string>>({});
  const { act, pending, error, notice } = useChange();
  const vote = (decisionId: string, v: 'for' | 'against' | 'abstain') =>
    act(() => call('decisions:reply', { decisionId: decisionId as never, personId: personId as never, vote: v, via: 'own', ...(comment[decisionId]?.trim() ? { comment: comment[decisionId].trim() } : {}) }));
  return (
    <OwnAnswers
      title="Written resolutions"
      about="Decisions the board takes between meetings, sent to you as a voting member. Your reply is recorded once, in your own name, and reported to the next meeting with the outcome."
      personId={personId}
      unlinked="no resolution can be sent to you yet"
      failed="Your reply was not recorded"
      error={error}
      notice={notice}
      list={list.state}
      loading="Loading your resolutions…"
      none="No written resolution has been sent to you."
    >
      {(decisions) =>
        decisions.map((d) => (
          <Card key={d.id} aria-labelledby={`${d.id}-title`}>
            <CardHeader
              header={
                <Text as="h2" id={`${d.id}-title`} weight="semibold" size={500}>
                  {d.title}
                </Text>
              }
              description={
                <Text className={styles.muted}>
                  {d.board}: replies from {formatUkDate(d.opensOn)} to {formatUkDate(d.closesOn)}
                </Text>
              }
            />
            <Text block>{d.text}</Text>
            {d.myReply && (
              <Text block weight="semibold">
                Your reply on {formatUkDate(d.myReply.receivedOn)}: {VOTE_LABEL[d.myReply.vote]}.
              </Text>
            )}
            {d.outcome && <Text block>{d.outcome}</Text>}
            {d.open && !d.myReply && (
              <div className={styles.answer} role="group" aria-label={`Your reply to ${d.title}`}>
                <Field label="Comment (optional)">
                  <Input value={comment[d.id] ?? ''} onChange={(_e, v) => setComment((c) => ({ ...c, [d.id]: v.value }))} />
                </Field>
                <Button appearance="primary" disabled={pending} onClick={() => void vote(d.id, 'for')}>
                  For
                </Button>
                <Button disabled={pending} onClick={() => void vote(d.id, 'against')}>
                  Against
                </Button>
                <Button disabled={pending} onClick={() => void vote(d.id, 'abstain')}>
                  Abstain
                </Button>
              </div>
            )}
          </Card>
        ))
      }
    </OwnAnswers>
  );
};
