import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { TEAM_ROLES, type TeamRole } from '../../shared/team/audiences';
import { EXIT, UsageError, type Out, type Subcommand } from './command';
import { VERBS } from './verbs';

/** Reads a password at the terminal without echoing it; none where there is no terminal (CI, a pipe). */
const askPassword = async (question: string): Promise<string | undefined> => {
  if (!process.stdin.isTTY) return undefined;
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    return await new Promise<string>((resolve) => {
      rl.question(question, (answer) => resolve(answer));
      muted = true;
    });
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
};

const passwordFor = async (envName: string, question: string, needed: boolean, flag: string): Promise<string | undefined> => {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const typed = await askPassword(question);
  if (typed) return typed;
  if (needed) throw new UsageError(`${flag} needs a password: set ${envName}, or run the command in a terminal to be asked for it`);
  return undefined;
};

const parseRoles = (raw: unknown): TeamRole[] => {
  if (typeof raw !== 'string' || !raw.trim()) throw new UsageError(`--roles is required: one or more of ${TEAM_ROLES.join(', ')}, separated by commas`);
  const roles = [...new Set(raw.split(',').map((r) => r.trim()).filter(Boolean))];
  const unknown = roles.filter((r) => !(TEAM_ROLES as readonly string[]).includes(r));
  if (unknown.length) throw new UsageError(`There is no role ${unknown.map((r) => `“${r}”`).join(', ')}: the roles are ${TEAM_ROLES.join(', ')}`);
  return roles as TeamRole[];
};

const text = (v: unknown, flag: string): string => {
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`${flag} is required`);
  return v.trim();
};

/**
 * `quorum team init` and `quorum team add-user`: the server side of team mode, set up by the lead
 * organisation's IT without hand work (docs/team.md).
 */
export const teamCommand = (): Subcommand => ({
  ...VERBS.team,
  async run(values, out: Out, { positionals }) {
    const { serverUrl, initTeam, addTeamUser } = await import('../services/team/server');
    const action = positionals[0];
    const url = serverUrl(text(values.server, '--server URL'));
    const slug = text(values.partnership, '--partnership SLUG');
    const admin = typeof values.admin === 'string' && values.admin.trim() ? values.admin.trim() : undefined;
    const adminPassword = admin ? await passwordFor('QUORUM_ADMIN_PASSWORD', `Password for ${admin} on ${url}: `, true, '--admin') : undefined;
    const server = { url, ...(admin && adminPassword ? { account: { name: admin, password: adminPassword } } : {}) };
    if (action === 'init') {
      const report = await initTeam(server, slug);
      if (values.json) out.log(JSON.stringify(report, null, 2));
      else {
        out.log(`Set up ${slug} on ${url}:`);
        for (const db of report.databases) out.log(`  ${db.name.padEnd(40)} ${db.created ? 'created' : 'already there'}; rules ${db.rules}`);
        out.log(`Next: quorum team add-user --server ${url} --partnership ${slug} --name NAME --roles secretariat (docs/team.md).`);
      }
      return EXIT.ok;
    }
    if (action === 'add-user') {
      const name = text(values.name, '--name NAME');
      const roles = parseRoles(values.roles);
      const password = await passwordFor('QUORUM_USER_PASSWORD', `New password for ${name} (leave empty to keep theirs): `, false, '--name');
      const personId = typeof values.person === 'string' && values.person.trim() ? values.person.trim() : undefined;
      if (personId && !/^person:[A-Za-z0-9_-]{1,64}$/.test(personId)) throw new UsageError('--person must be a person id (person:…), as quorum call people:list shows');
      const report = await addTeamUser(server, slug, { name, roles, ...(password ? { password } : {}), ...(personId ? { personId } : {}) });
      if (values.json) out.log(JSON.stringify(report, null, 2));
      else out.log(`${report.created ? 'Added' : 'Updated'} ${name} in ${slug} as ${roles.join(', ')}.`);
      return EXIT.ok;
    }
    throw new UsageError('Say what to do: quorum team init … or quorum team add-user …');
  },
});
