import { useState } from 'react';
import { Button, Field, Input, Text, Title1, makeStyles } from '@fluentui/react-components';
import type { TeamSummary } from '@shared/views';
import type { QuorumError } from '@shared/result';
import { call } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { useInFlight } from '../../components/useChange';

const useStyles = makeStyles({
  page: { maxWidth: '520px', margin: '64px auto', padding: '0 24px', display: 'flex', flexDirection: 'column', gap: '16px' },
});

/** Quorum starting on a team's data folder: the password is asked for each time, never kept on disk. */
export const TeamSignIn = ({ team }: { team: TeamSummary }) => {
  const styles = useStyles();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const { pending, run } = useInFlight();
  const submit = () =>
    run(async () => {
      setError(null);
      const r = await call('team:signIn', { password });
      if (!r.ok) setError(r.error);
    });
  return (
    <main className={styles.page}>
      <Title1 as="h1">Sign in to {team.partnership}</Title1>
      <Text>
        This data folder is your copy of the team’s records on <Text weight="semibold">{team.server}</Text>, as <Text weight="semibold">{team.user}</Text>. Without a
        connection Quorum opens your copy, and your changes travel when the server can be reached.
      </Text>
      <ErrorBar title="You are not signed in" error={error} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: '12px' }}
      >
        <fieldset disabled={pending} style={{ border: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '12px' }}>
          <Field label="Password" required validationMessage={error?.fields?.password}>
            <Input type="password" autoComplete="current-password" value={password} onChange={(_e, d) => setPassword(d.value)} />
          </Field>
          <Button type="submit" appearance="primary">
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </fieldset>
      </form>
    </main>
  );
};
