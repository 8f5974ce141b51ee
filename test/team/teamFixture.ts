import { addTeamUser, initTeam } from '../../main/services/team/server';
import { TeamStore } from '../../main/services/team/teamStore';
import type { TeamRole } from '../../shared/team/audiences';
import type { QRecord } from '../../shared/schema/records';
import { fixedClock } from '../../shared/clock';
import { generatePartTwo } from '../fixtures/partTwo';
import { stamp } from '../docxPackage';
import { tempDir } from '../helpers';
import { startCouchServer, type CouchServer } from '../couchServer';

/**
 * A partnership in team mode for the multi-officer tests: a pouchdb-server started here, set up
 * with `quorum team init`'s code, three officers (two cleared for Part 2, one not) and a partner,
 * each with their own data folder and replica, as on their own laptops.
 */
export const SLUG = 'westbury';
export const PEOPLE = {
  ann: { roles: ['secretariat', 'part2'] as TeamRole[], device: 'ann-laptop' },
  bob: { roles: ['secretariat', 'part2'] as TeamRole[], device: 'bob-laptop' },
  cat: { roles: ['secretariat'] as TeamRole[], device: 'cat-laptop' },
  pri: { roles: ['partner'] as TeamRole[], device: 'pri-laptop' },
} as const;
export type Who = keyof typeof PEOPLE;
const password = (who: string) => `${who}-Password-1`;

/** The generated Part 2 partnership, with a protocol sent to partners for comment. */
export const teamRecords = () => {
  const { data, secrets } = generatePartTwo({ open: 2, exempt: 1, paragraph: 3, markdownish: 'Intro', publicTitle: true });
  const protocol: QRecord[] = [
    stamp({ id: 'board:b2', type: 'board', name: 'Westbury Safeguarding Children Partnership', shortName: 'WSCP', kind: 'safeguarding-partnership', rules: 'own-terms-of-reference', standingItems: [] }),
    stamp({ id: 'protocol:p', type: 'protocol', title: 'Joint working protocol', partyBoardIds: ['board:b', 'board:b2'], reviewDate: '2027-11-01' }),
    stamp({ id: 'protocolVersion:p1', type: 'protocolVersion', protocolId: 'protocol:p', version: 1, status: 'consultation', changeSummary: '', sections: [{ key: 's1', number: '1', heading: 'Purpose', body: 'Why the boards work together.' }] }),
    stamp({ id: 'circulation:c1', type: 'circulation', protocolVersionId: 'protocolVersion:p1', sentTo: 'Partner reviewers', sentOn: '2026-11-01' }),
    // A protocol still in draft: the officers' alone.
    stamp({ id: 'protocol:draft', type: 'protocol', title: 'Information sharing protocol (draft)', partyBoardIds: ['board:b', 'board:b2'], reviewDate: '2027-11-01' }),
    stamp({ id: 'protocolVersion:d1', type: 'protocolVersion', protocolId: 'protocol:draft', version: 1, status: 'draft', changeSummary: '', sections: [{ key: 's1', number: '1', heading: 'Scope', body: 'Not yet agreed among officers.' }] }),
  ];
  return { records: [...Object.values(data.records), ...protocol], secrets };
};

export type Team = {
  server: CouchServer;
  /** `via`: another address for the server (a proxy in front of it), as a laptop's network path may be. */
  open(who: Who, opts?: { now?: string; personId?: string; via?: string }): Promise<TeamStore>;
  /** The server's administrator, to change a person's roles or link them to the directory. */
  admin: { url: string; account: { name: string; password: string } };
  folder(who: Who): string;
  stop(): Promise<void>;
};

export const startTeam = async (): Promise<Team> => {
  const server = await startCouchServer();
  const admin = { url: server.url, account: server.admin };
  await initTeam(admin, SLUG);
  for (const [name, p] of Object.entries(PEOPLE)) await addTeamUser(admin, SLUG, { name, password: password(name), roles: p.roles });
  const folders = new Map<Who, ReturnType<typeof tempDir>>();
  const stores: TeamStore[] = [];
  return {
    server,
    admin,
    folder: (who) => {
      if (!folders.has(who)) folders.set(who, tempDir(`quorum-team-${who}-`));
      return folders.get(who)!.dir;
    },
    async open(who, opts = {}) {
      if (!folders.has(who)) folders.set(who, tempDir(`quorum-team-${who}-`));
      const store = await TeamStore.open({
        dataDir: folders.get(who)!.dir,
        remote: { url: opts.via ?? server.url, user: who, password: password(who) },
        partnership: SLUG,
        device: PEOPLE[who].device,
        roles: PEOPLE[who].roles,
        ...(opts.personId ? { personId: opts.personId } : {}),
        clock: fixedClock(opts.now ?? '2026-11-23T09:00:00.000Z'),
      });
      stores.push(store);
      return store;
    },
    async stop() {
      for (const s of stores) await s.close().catch(() => undefined);
      await server.stop();
      for (const f of folders.values()) f.cleanup();
    },
  };
};
