import { useState } from 'react';
import { Badge, Button, Card, CardHeader, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { call, useQuery } from '../../bridge';
import { useChange } from '../../components/useChange';
import { MarkdownView } from '../../components/MarkdownView';
import { formatUkDate } from '../../format';
import { OwnAnswers, useOwnStyles } from './ownAnswers';

const useStyles = makeStyles({
  paper: { maxHeight: '420px', overflowY: 'auto', padding: '12px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
  badge: { whiteSpace: 'nowrap' },
  comment: { flexGrow: 1, minWidth: '320px' },
});

/**
 * A clearer's own screen in team mode: each paper the secretariat sent them to clear, with its
 * words as sent, and their clearance, given here once in their own name. A paper changed after it
 * was sent comes back as a new text to clear.
 */
export const ToClearScreen = ({ personId }: { personId?: string }) => {
  const styles = { ...useOwnStyles(), ...useStyles() };
  const list = useQuery('clearances:mine', { personId: (personId ?? 'person:none') as never });
  const [comment, setComment] = useState<Record<string, string>>({});
  const { act, pending, error, notice } = useChange();
  const clear = (requestId: string) => act(() => call('clearances:giveOwn', { requestId: requestId as never, personId: personId as never, comment: comment[requestId]?.trim() ?? '' }));
  return (
    <OwnAnswers
      title="Papers to clear"
      about="Papers the secretariat has sent you to clear before they go to the board. Your clearance is recorded once, in your own name, on the words shown here; if the paper changes, it comes back to you."
      personId={personId}
      unlinked="no paper can be sent to you to clear"
      failed="Your clearance was not recorded"
      error={error}
      notice={notice}
      list={list.state}
      loading="Loading the papers sent to you…"
      none="No paper has been sent to you to clear."
    >
      {(papers) =>
        papers.map((p) => (
          <Card key={p.id} aria-labelledby={`${p.id}-title`}>
            <CardHeader
              header={
                <Text as="h2" id={`${p.id}-title`} weight="semibold" size={500}>
                  {p.title}
                </Text>
              }
              description={
                <Text className={styles.muted}>
                  {p.label} clearance of a {p.kind.toLowerCase()} paper for the {p.board}, {formatUkDate(p.meetingOn)}; sent to you {formatUkDate(p.requestedOn)}
                </Text>
              }
              action={
                <Badge className={styles.badge} color={p.cleared ? 'success' : p.changedSinceEarlier ? 'warning' : 'informative'}>
                  {p.cleared ? 'cleared' : p.changedSinceEarlier ? 'changed since you last saw it' : 'waiting for you'}
                </Badge>
              }
            />
            <section aria-label={`The words of ${p.title}`} className={styles.paper} tabIndex={0}>
              <MarkdownView markdown={p.text} headingBase={3} />
            </section>
            {p.cleared ? (
              <Text block weight="semibold">
                You cleared it on {formatUkDate(p.cleared.on)}
                {p.cleared.comment ? `: “${p.cleared.comment}”` : '.'}
              </Text>
            ) : (
              <div className={styles.answer} role="group" aria-label={`Your clearance of ${p.title}`}>
                <Field label="Comment for the board (optional)" className={styles.comment}>
                  <Input value={comment[p.id] ?? ''} onChange={(_e, v) => setComment((c) => ({ ...c, [p.id]: v.value }))} />
                </Field>
                <Button appearance="primary" disabled={pending} onClick={() => void clear(p.id)}>
                  Give my clearance ({p.label})
                </Button>
              </div>
            )}
          </Card>
        ))
      }
    </OwnAnswers>
  );
};
