import { useState } from 'react';
import { Button, Field, Input } from '@fluentui/react-components';
import type { QuorumError } from '@shared/result';
import { call } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { TaskProgress, useTaskProgress } from '../../components/TaskProgress';
import { useInFlight } from '../../components/useChange';

/**
 * The server, partnership, name and password an officer's IT team gave them (docs/team.md): to
 * join the team in an empty data folder, or to bring this folder's partnership into a team.
 */
export const TeamSignInForm = ({ mode }: { mode: 'join' | 'promote' }) => {
  const [server, setServer] = useState('https://');
  const [partnership, setPartnership] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const { pending, run } = useInFlight();
  const { progress, track } = useTaskProgress(`team-${mode}`);
  const what = mode === 'join' ? 'Joining the team' : 'Bringing the partnership into the team';

  const submit = () =>
    run(async () => {
      setError(null);
      const r = await track('Signing in…', (taskId) => call(mode === 'join' ? 'team:join' : 'team:promote', { server, partnership, user, password, taskId }));
      if (!r.ok) setError(r.error);
      // On success the window reloads its status (store:changed) and shows the partnership.
    });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      style={{ display: 'flex', flexDirection: 'column', gap: '12px' }}
    >
      <ErrorBar title={mode === 'join' ? 'Quorum could not join the team' : 'The partnership was not brought into the team'} error={error} />
      <fieldset disabled={pending} style={{ border: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: '12px' }}>
        <Field label="Server" required hint="From your IT team, for example https://quorum.example.gov.uk:6984" validationMessage={error?.fields?.server}>
          <Input value={server} onChange={(_e, d) => setServer(d.value)} />
        </Field>
        <Field label="Partnership’s short name" required hint="For example eastmere" validationMessage={error?.fields?.partnership}>
          <Input value={partnership} onChange={(_e, d) => setPartnership(d.value)} />
        </Field>
        <Field label="Your sign-in name" required validationMessage={error?.fields?.user}>
          <Input value={user} autoComplete="username" onChange={(_e, d) => setUser(d.value)} />
        </Field>
        <Field label="Password" required validationMessage={error?.fields?.password}>
          <Input type="password" value={password} autoComplete="current-password" onChange={(_e, d) => setPassword(d.value)} />
        </Field>
        <Button type="submit" appearance={mode === 'join' ? 'primary' : 'secondary'}>
          {pending ? `${what}…` : mode === 'join' ? 'Join the team' : 'Bring this partnership into the team'}
        </Button>
      </fieldset>
      <TaskProgress what={what} progress={progress} />
    </form>
  );
};
