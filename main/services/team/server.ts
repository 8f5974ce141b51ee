import { QuorumFailure } from '../../../shared/result';
import { AUDIENCES, databaseName, serverRole, personRole, personOfRoles, slugProblem, USER_NAME, type Audience, type TeamRole } from '../../../shared/team/audiences';
import { rulesDesignDoc, RULES_DESIGN_ID, securityObject } from './serverRules';

/**
 * The partnership's CouchDB server as its administrator sets it up: databases, who may read them,
 * the rules the server enforces, and the people. Plain HTTP (CouchDB's own API), so the same code
 * runs against Apache CouchDB 3.x and the tests' pouchdb-server.
 */
export type ServerAccount = { name: string; password: string };
export type Server = { url: string; account?: ServerAccount };

type Reply = { status: number; body: Record<string, unknown> };

/** The server's address without a trailing slash, checked: http(s) only, no credentials in it. */
export const serverUrl = (raw: string): string => {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new QuorumFailure('invalid-input', `“${raw.slice(0, 100)}” is not a server address: give one like https://quorum.example.gov.uk:6984`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new QuorumFailure('invalid-input', 'The server address must start with https:// (or http:// on this computer only)');
  if (url.username || url.password) throw new QuorumFailure('invalid-input', 'Leave the name and password out of the server address; Quorum asks for them separately');
  return url.href.replace(/\/+$/, '');
};

export const authHeader = (account?: ServerAccount): Record<string, string> =>
  account ? { authorization: `Basic ${Buffer.from(`${account.name}:${account.password}`).toString('base64')}` } : {};

export const request = async (server: Server, method: string, path: string, body?: unknown): Promise<Reply> => {
  let res: Response;
  try {
    res = await fetch(`${server.url}/${path}`, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...authHeader(server.account) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (err) {
    throw new QuorumFailure('store-unavailable', `The server at ${server.url} did not answer (${(err as Error).cause ? String((err as { cause: Error }).cause.message ?? (err as Error).cause) : (err as Error).message}). Check the address and that the server is running.`);
  }
  let parsed: Record<string, unknown> = {};
  try {
    parsed = (await res.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page, say: the status says enough.
  }
  return { status: res.status, body: parsed };
};

const refused = (what: string, reply: Reply): QuorumFailure => {
  const reason = String(reply.body.reason ?? reply.body.error ?? `HTTP ${reply.status}`);
  if (reply.status === 401) return new QuorumFailure('forbidden', `The server refused the sign-in while ${what}: ${reason}. Check the administrator’s name and password.`);
  if (reply.status === 403) return new QuorumFailure('forbidden', `The server refused ${what}: ${reason}`);
  return new QuorumFailure('internal', `The server could not complete ${what}: ${reason}`);
};

const putReplacing = async (server: Server, path: string, doc: Record<string, unknown>): Promise<'created' | 'updated' | 'unchanged'> => {
  const current = await request(server, 'GET', path);
  if (current.status === 200) {
    const { _rev } = current.body;
    // Key order is the server's own: compare field by field.
    const same = Object.keys(doc).every((k) => JSON.stringify(current.body[k]) === JSON.stringify(doc[k]));
    if (same) return 'unchanged';
    const put = await request(server, 'PUT', path, { ...doc, _rev });
    if (put.status >= 300) throw refused(`updating ${path}`, put);
    return 'updated';
  }
  const put = await request(server, 'PUT', path, doc);
  if (put.status >= 300) throw refused(`writing ${path}`, put);
  return 'created';
};

export type InitReport = { partnership: string; databases: { audience: Audience; name: string; created: boolean; rules: 'created' | 'updated' | 'unchanged' }[] };

/**
 * `quorum team init`: the partnership's three databases, each with its security object and rules.
 * Safe to run again: what exists is kept, and the rules are brought up to date.
 */
export const initTeam = async (server: Server, slug: string): Promise<InitReport> => {
  const problem = slugProblem(slug);
  if (problem) throw new QuorumFailure('invalid-input', problem);
  const hello = await request(server, 'GET', '');
  if (hello.status === 401) throw refused('checking the server', hello);
  if (hello.status !== 200 || !('couchdb' in hello.body || 'express-pouchdb' in hello.body)) throw new QuorumFailure('store-unavailable', `${server.url} answered, but not as a CouchDB server (HTTP ${hello.status})`);
  const databases: InitReport['databases'] = [];
  for (const audience of AUDIENCES) {
    const name = databaseName(slug, audience);
    const made = await request(server, 'PUT', name);
    if (made.status >= 300 && made.status !== 412) throw refused(`creating the database ${name}`, made);
    const security = await request(server, 'PUT', `${name}/_security`, securityObject(slug, audience));
    if (security.status >= 300) throw refused(`setting who may read ${name}`, security);
    const rules = await putReplacing(server, `${name}/${RULES_DESIGN_ID}`, rulesDesignDoc(slug, audience));
    databases.push({ audience, name, created: made.status !== 412, rules });
  }
  return { partnership: slug, databases };
};

export type AddUserReport = { name: string; roles: TeamRole[]; created: boolean };

/**
 * `quorum team add-user`: a person with their roles in this partnership. Run again to change their
 * roles (roles in other partnerships on the server are kept) or, with a password, to reset it.
 */
export const addTeamUser = async (server: Server, slug: string, person: { name: string; password?: string; roles: TeamRole[]; personId?: string }): Promise<AddUserReport> => {
  const problem = slugProblem(slug);
  if (problem) throw new QuorumFailure('invalid-input', problem);
  if (!USER_NAME.test(person.name)) throw new QuorumFailure('invalid-input', `“${person.name.slice(0, 60)}” cannot be a sign-in name: use letters, digits, dots, hyphens, underscores or @, up to 64`);
  if (person.roles.includes('part2') && !person.roles.includes('secretariat')) throw new QuorumFailure('invalid-input', 'Part 2 clearance is for officers: give the secretariat role as well');
  if (person.roles.includes('partner') && person.roles.includes('secretariat')) throw new QuorumFailure('invalid-input', 'A person is either an officer (secretariat) or a partner reviewer, not both: give them two sign-ins if they are both');
  const path = `_users/${encodeURIComponent(`org.couchdb.user:${person.name}`)}`;
  const current = await request(server, 'GET', path);
  if (current.status !== 200 && current.status !== 404) throw refused(`reading the person ${person.name}`, current);
  const existing = current.status === 200 ? current.body : undefined;
  if (!existing && !person.password) throw new QuorumFailure('invalid-input', `${person.name} is new: give them a password (QUORUM_USER_PASSWORD or at the prompt)`);
  const prefix = `${slug}-`;
  const otherRoles = ((existing?.roles as string[] | undefined) ?? []).filter((r) => !r.startsWith(prefix));
  const doc = {
    ...(existing ?? {}),
    _id: `org.couchdb.user:${person.name}`,
    name: person.name,
    type: 'user',
    // The person in the directory this sign-in is, kept across a change of roles unless a new one is given.
    roles: [...otherRoles, ...person.roles.map((r) => serverRole(slug, r)), ...((person.personId ?? personOfRoles(slug, existing?.roles as string[] | undefined)) ? [personRole(slug, (person.personId ?? personOfRoles(slug, existing?.roles as string[] | undefined))!)] : [])],
    ...(person.password ? { password: person.password } : {}),
  };
  const put = await request(server, 'PUT', path, doc);
  if (put.status >= 300) throw refused(`saving the person ${person.name}`, put);
  return { name: person.name, roles: person.roles, created: !existing };
};
