import { z } from 'zod';
import { noInput } from '../schema/common';
import { effect } from '../kernel/operation';
import type { NeedsDecisionView, NotAppliedView, StoreStatus, TeamSummary } from '../views';
import { PARTNERSHIP_SLUG, USER_NAME } from '../team/audiences';

/**
 * Team mode in the app (docs/team.md): joining the partnership's server, bringing a solo data
 * folder into a team, signing in, and the two lists a person works through: Needs decision (two
 * officers' clashing changes) and Not applied (changes the server refused). Handled in main,
 * which holds the replica and talks to the server.
 */
const server = z
  .string()
  .trim()
  .min(1, 'Fill this in')
  .max(500, 'Keep this under 500 characters')
  .regex(/^https?:\/\/[^\s/]+/i, 'Give the server’s address, starting https:// (for example https://quorum.example.gov.uk:6984)');
const signIn = {
  server,
  partnership: z.string().trim().regex(PARTNERSHIP_SLUG, 'Lower-case letters, digits and hyphens, as your IT team gave it (for example eastmere)'),
  user: z.string().trim().regex(USER_NAME, 'Your sign-in name, as your IT team gave it'),
  password: z.string().min(1, 'Fill this in').max(500, 'Keep this under 500 characters'),
  taskId: z.string().min(1).max(100),
};

export const teamStatus = effect<TeamSummary | null>()({ name: 'team:status', input: noInput, reads: 'all' });
/** An officer or partner joining their partnership: the records are cloned from the server into this (empty) data folder. */
export const joinTeam = effect<StoreStatus>()({ name: 'team:join', input: z.object(signIn).strict() });
/** The first officer: this data folder's partnership goes onto the (empty) server, and the folder becomes its replica. */
export const promoteToTeam = effect<StoreStatus>()({ name: 'team:promote', input: z.object(signIn).strict() });
/** Signing in again when Quorum starts on a team's data folder (the password is never kept on disk). */
export const signInToTeam = effect<StoreStatus>()({ name: 'team:signIn', input: z.object({ password: signIn.password }).strict() });
export const syncNow = effect<TeamSummary | null>()({ name: 'team:syncNow', input: noInput });
export const needsDecision = effect<NeedsDecisionView[]>()({ name: 'team:decisions', input: noInput, reads: 'all' });
/** Keep one version (`keep`: its revision), or words the officer combined (`combined`: field → text). */
export const decide = effect<{ summary: string }>()({
  name: 'team:decide',
  input: z
    .object({
      key: z.string().min(1).max(300),
      keep: z.string().regex(/^\d+-[0-9a-f]{1,64}$/, 'Not a version').optional(),
      combined: z.record(z.string().max(100), z.string().max(2_000_000, 'This text is too long (over 2 million characters)')).optional(),
    })
    .strict()
    .refine((x) => Boolean(x.keep) !== Boolean(x.combined), 'Choose one version, or combine them'),
});
export const notApplied = effect<NotAppliedView[]>()({ name: 'team:notApplied', input: noInput, reads: 'all' });
export const dismissNotApplied = effect<NotAppliedView[]>()({ name: 'team:dismissNotApplied', input: z.object({ index: z.number().int().min(0).max(10_000) }).strict() });
