/**
 * Team mode's databases and roles, named once. A partnership on a CouchDB server has three
 * databases, one per audience, because CouchDB grants a whole database or nothing (a filtered
 * replication is a convenience, never a boundary):
 * - board: every officer of the secretariat; Part 2 items keep only their public title and
 *   Schedule 12A paragraph here.
 * - part2: officers cleared for exempt business (Local Government Act 1972 s.100A(4)): the text of
 *   Part 2 items, their papers, minutes, decisions and actions.
 * - partners: the protocols sent for review, the partners' comments and the responses to them.
 */
export const AUDIENCES = ['board', 'part2', 'partners'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The roles a person is given on the server, in the words the runbook and the app use. */
export const TEAM_ROLES = ['secretariat', 'part2', 'partner'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_MEANING: Record<TeamRole, string> = {
  secretariat: 'officers who run the boards: every record except Part 2 text',
  part2: 'officers cleared for exempt (Part 2) business: its text, papers and minutes',
  partner: 'partner reviewers: the protocols sent to them, where they add their own comments',
};

/** Who may read (and, within the rules, write) each database. */
export const AUDIENCE_ROLES: Record<Audience, readonly TeamRole[]> = {
  board: ['secretariat'],
  part2: ['part2'],
  partners: ['secretariat', 'partner'],
};

/** A partnership's short name on the server: lower case letters, digits and hyphens (CouchDB database names). */
export const PARTNERSHIP_SLUG = /^[a-z][a-z0-9-]{1,39}$/;

export const slugProblem = (slug: string): string | undefined =>
  PARTNERSHIP_SLUG.test(slug) ? undefined : `“${slug.slice(0, 60)}” cannot name a partnership on the server: use 2 to 40 lower-case letters, digits and hyphens, starting with a letter (for example eastmere)`;

export const databaseName = (slug: string, audience: Audience): string => `quorum-${slug}-${audience}`;

/**
 * A role as the server knows it: roles are server-wide in CouchDB, so each partnership's are
 * prefixed with its slug, and a server can hold several partnerships without one's officers
 * reading another's records.
 */
export const serverRole = (slug: string, role: TeamRole): string => `${slug}-${role}`;

/**
 * Which person in the directory a sign-in is, as a server role (`westbury-person:person:…`): the
 * server can then check that a partner's reply to a written resolution is their own.
 */
export const personRole = (slug: string, personId: string): string => `${slug}-person:${personId}`;
export const personOfRoles = (slug: string, roles: readonly string[] | undefined): string | undefined =>
  roles?.find((r) => r.startsWith(`${slug}-person:`))?.slice(`${slug}-person:`.length);

/** The CouchDB user names Quorum accepts: what `_users` allows, kept to what reads well in a journal. */
export const USER_NAME = /^[a-z0-9][a-z0-9._@-]{0,63}$/i;
