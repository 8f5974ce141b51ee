import { useState } from 'react';
import { Button, Card, CardHeader, Field, Input, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { bridge } from '../bridge';
import { ErrorBar } from '../components/ErrorBar';
import { TeamSignInForm } from './team/TeamSignInForm';

const useStyles = makeStyles({
  page: { maxWidth: '880px', margin: '48px auto', padding: '0 24px', display: 'flex', flexDirection: 'column', gap: '24px' },
  choices: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '24px' },
  wide: { gridColumn: '1 / -1' },
  card: { padding: '20px', display: 'flex', flexDirection: 'column', gap: '16px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** First run: the example partnership, or an empty store named by the user. */
export const FirstRun = ({ dataDir }: { dataDir: string }) => {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<'example' | 'empty' | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);

  const [tried, setTried] = useState<'example' | 'empty' | null>(null);
  const start = async (mode: 'example' | 'empty') => {
    setTried(mode);
    if (mode === 'empty' && !name.trim()) return setError({ code: 'invalid-input', message: 'Give the partnership a name: it goes on every pack cover.', fields: { name: 'Give the partnership a name' } });
    setBusy(mode);
    setError(null);
    const r = await bridge().store.start(mode === 'example' ? { mode } : { mode, name });
    if (!r.ok) setError(r.error);
    setBusy(null);
  };

  return (
    <main className={styles.page}>
      <Title1 as="h1">Welcome to Quorum</Title1>
      <Text>
        Quorum keeps your partnership boards’ terms of reference, meetings, minutes, actions, deep dives and forward plan on this computer,
        and builds Word board packs from them. Your data will be kept in <Text weight="semibold">{dataDir}</Text>.
      </Text>
      <ErrorBar title={tried === 'empty' ? 'The partnership was not set up' : 'The example partnership was not loaded'} error={error} />
      <div className={styles.choices}>
        <Card className={styles.card}>
          <CardHeader header={<Text as="h2" weight="semibold" size={500}>Start with the example partnership</Text>} />
          <Text>
            Eastmere’s Children’s Trust, Safeguarding Children Partnership and Health and Wellbeing Board, with a year of meetings, minutes,
            actions and the protocol between them. Everything in it is fictional.
          </Text>
          <Button appearance="primary" disabled={busy !== null} onClick={() => start('example')}>
            {busy === 'example' ? 'Loading the example…' : 'Start with the example partnership'}
          </Button>
        </Card>
        <Card className={styles.card}>
          <CardHeader header={<Text as="h2" weight="semibold" size={500}>Start empty</Text>} />
          <Field
            label="Partnership name"
            required
            validationMessage={error?.fields?.name}
            hint="For example, Eastmere Children and Families Partnership"
          >
            <Input value={name} onChange={(_e, d) => setName(d.value)} />
          </Field>
          <Button disabled={busy !== null} onClick={() => start('empty')}>
            {busy === 'empty' ? 'Starting…' : 'Start empty'}
          </Button>
        </Card>
        <Card className={`${styles.card} ${styles.wide}`}>
          <CardHeader header={<Text as="h2" weight="semibold" size={500}>Join your partnership’s team</Text>} />
          <Text>
            Your partnership already works in Quorum on a shared server: copy its records here and keep them in sync. A partner reviewer signs in here too,
            to comment on the protocols sent to them.
          </Text>
          <TeamSignInForm mode="join" />
        </Card>
      </div>
    </main>
  );
};
