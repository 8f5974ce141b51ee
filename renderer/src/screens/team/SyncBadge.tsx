import { Badge } from '@fluentui/react-components';
import type { TeamSummary } from '@shared/views';

/** Where the team sync stands, in words (colour is never the only sign). */
export const syncWords = (team: TeamSummary): string => {
  const { state, waiting } = team.sync;
  if (state === 'signed-out') return 'Signed out';
  if (state === 'offline') return waiting ? `Offline: ${waiting} change${waiting === 1 ? '' : 's'} waiting` : 'Offline';
  if (state === 'waiting') return `${waiting} change${waiting === 1 ? '' : 's'} waiting`;
  return 'Synced';
};

export const SyncBadge = ({ team }: { team: TeamSummary }) => {
  const state = team.sync.state;
  return (
    <Badge role="status" aria-live="polite" appearance="tint" color={state === 'synced' ? 'success' : state === 'waiting' ? 'informative' : state === 'offline' ? 'warning' : 'danger'}>
      {syncWords(team)}
    </Badge>
  );
};
