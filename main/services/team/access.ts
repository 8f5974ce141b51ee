import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { QuorumFailure } from '../../../shared/result';
import { PARTNERSHIP_SLUG, personOfRoles, serverRole, TEAM_ROLES, type TeamRole } from '../../../shared/team/audiences';
import { writeFileAtomic } from '../store/atomicFile';
import { request, serverUrl } from './server';

/**
 * Signing in to the partnership's server, and the file that makes a data folder a team's replica
 * (team.json: the server, the partnership, who signed in and the roles the server gave them, so
 * Quorum starts offline on the train too). The password is never written to disk.
 */
export const TEAM_FILE = 'team.json';

const teamFileSchema = z.object({
  format: z.literal('quorum-team'),
  server: z.string().url(),
  partnership: z.string().regex(PARTNERSHIP_SLUG),
  user: z.string().min(1).max(64),
  device: z.string().min(1).max(200),
  roles: z.array(z.enum(TEAM_ROLES)),
  /** The person in the directory this sign-in is, when the server says (a partner who votes on written resolutions). */
  personId: z.string().regex(/^person:[A-Za-z0-9_-]{1,64}$/).optional(),
  joinedAt: z.string(),
});
export type TeamFile = z.infer<typeof teamFileSchema>;

export const isTeamFolder = (dataDir: string) => existsSync(join(dataDir, TEAM_FILE));

export const readTeamFile = (dataDir: string): TeamFile => {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dataDir, TEAM_FILE), 'utf8'));
  } catch (err) {
    throw new QuorumFailure('store-unavailable', `${TEAM_FILE} in ${dataDir} cannot be read (${(err as Error).message}). Join the team again into an empty folder.`);
  }
  const parsed = teamFileSchema.safeParse(raw);
  if (!parsed.success) throw new QuorumFailure('store-unavailable', `${TEAM_FILE} in ${dataDir} is not a Quorum team file. Join the team again into an empty folder.`);
  return parsed.data;
};

export const writeTeamFile = (dataDir: string, file: TeamFile) => writeFileAtomic(join(dataDir, TEAM_FILE), `${JSON.stringify(file, null, 2)}\n`);

export type SignedIn = { url: string; user: string; roles: TeamRole[]; personId?: string };

/**
 * Checks the name and password with the server and reads the roles it gives in this partnership.
 * `offline` when the server cannot be reached (the caller may carry on with the roles it knew).
 */
export const signInToServer = async (rawUrl: string, partnership: string, user: string, password: string): Promise<SignedIn | 'offline'> => {
  const url = serverUrl(rawUrl);
  let reply;
  try {
    reply = await request({ url, account: { name: user, password } }, 'GET', '_session');
  } catch (err) {
    if (err instanceof QuorumFailure && err.code === 'store-unavailable') return 'offline';
    throw err;
  }
  if (reply.status === 401) throw new QuorumFailure('forbidden', `The server at ${url} did not accept that name and password. Check them with your IT team; nothing was changed.`);
  if (reply.status !== 200) throw new QuorumFailure('store-unavailable', `The server at ${url} answered, but not as a CouchDB server should (HTTP ${reply.status}).`);
  const ctx = reply.body.userCtx as { name?: string; roles?: string[] } | undefined;
  if (!ctx?.name) throw new QuorumFailure('forbidden', `The server at ${url} did not accept that name and password. Check them with your IT team; nothing was changed.`);
  const roles = TEAM_ROLES.filter((r) => ctx.roles?.includes(serverRole(partnership, r)));
  if (roles.length === 0)
    throw new QuorumFailure('forbidden', `${user} has no role in the partnership “${partnership}” on ${url}. Check the partnership’s short name, or ask your IT team to add you (quorum team add-user).`);
  const personId = personOfRoles(partnership, ctx.roles);
  return { url, user: ctx.name, roles, ...(personId ? { personId } : {}) };
};
