import type { BackupInfo, StoreStatus } from '../../../shared/views';
import type { Clock } from '../../../shared/clock';
import type { NewRecord, StoreData } from '../../../shared/data';
import type { MutationRef } from '../../../shared/operations/mutate';
import type { MutationOutcome } from '../../../shared/kernel/operation';
import type { JournalEntry } from './journal';

/**
 * What the app, the CLI and the services ask of the open partnership, whichever store holds it:
 * the solo data folder (QuorumStore, store.ts) or a team replica (TeamStore, team/teamStore.ts).
 * The domain sees only `data` and the commands; neither knows which store it runs on.
 */
export type PartnershipStore = {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly data: StoreData;
  status(): StoreStatus;
  /** A mutation by name, or by its declaration (which needs no catalogue loaded: shared/operations/mutate.ts). */
  run(command: MutationRef, input: unknown, opts?: { parsed?: boolean }): Promise<MutationOutcome>;
  undo(seq: number): Promise<MutationOutcome>;
  seed(command: string, summary: string, records: readonly NewRecord[]): Promise<MutationOutcome>;
  onChange(listener: (outcome: MutationOutcome) => void): () => void;
  journalEntries(limit: number): JournalEntry[];
  backups(): BackupInfo[];
  restore(backupId: string): Promise<MutationOutcome>;
  close(): void | Promise<void>;
};
