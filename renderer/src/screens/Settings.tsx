import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { BackupInfo } from '@shared/views';
import type { Partnership } from '@shared/schema/records';
import type { QuorumError } from '@shared/result';
import { bridge, call, useQuery } from '../bridge';
import { TeamSignInForm } from './team/TeamSignInForm';
import { useChange } from '../components/useChange';
import { ErrorBar } from '../components/ErrorBar';
import { formatBytes, formatTimestamp } from '../format';

const useStyles = makeStyles({
  section: { marginTop: '28px', display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '960px' },
  form: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '12px 24px' },
  row: { display: 'flex', gap: '12px', alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

const H2 = ({ id, children }: { id: string; children: string }) => (
  <Text as="h2" id={id} size={600} weight="semibold">
    {children}
  </Text>
);

/**
 * Re-mounted whenever the stored partnership changes (a save, a restore), so it always starts from
 * the stored values; the "Saved" notice therefore lives in the parent.
 */
const PartnershipForm = ({ partnership, onSaved }: { partnership: Partnership; onSaved: (saved: boolean) => void }) => {
  const styles = useStyles();
  const [form, setForm] = useState(() => ({
    name: partnership.name,
    area: partnership.area,
    defaultVenue: partnership.defaultVenue,
    contactName: partnership.contact.name,
    contactEmail: partnership.contact.email,
    contactPhone: partnership.contact.phone,
  }));
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => {
    onSaved(false);
    setForm((f) => ({ ...f, [key]: d.value }));
  };
  const save = async () => {
    setError(null);
    const r = await bridge().partnership.update({
      name: form.name,
      area: form.area,
      defaultVenue: form.defaultVenue,
      contact: { name: form.contactName, email: form.contactEmail, phone: form.contactPhone },
      colours: partnership.colours,
      expectedRev: partnership.rev,
    });
    onSaved(r.ok);
    if (!r.ok) setError(r.error);
  };
  const fieldError = (path: string) => error?.fields?.[path];
  return (
    <section className={styles.section} aria-labelledby="partnership-heading">
      <H2 id="partnership-heading">Partnership</H2>
      <ErrorBar title="The partnership details were not saved" error={error} />
      <div className={styles.form}>
        <Field label="Name" required validationMessage={fieldError('name')}>
          <Input value={form.name} onChange={set('name')} />
        </Field>
        <Field label="Area" validationMessage={fieldError('area')}>
          <Input value={form.area} onChange={set('area')} />
        </Field>
        <Field label="Default venue" validationMessage={fieldError('defaultVenue')}>
          <Input value={form.defaultVenue} onChange={set('defaultVenue')} />
        </Field>
        <Field
          label="Contact name"
          hint="The secretariat officer: named as the contact, and the name on the tracked changes in a protocol’s Word copy (in team mode, the name you sign in with)."
          validationMessage={fieldError('contact.name')}
        >
          <Input value={form.contactName} onChange={set('contactName')} />
        </Field>
        <Field label="Contact email" validationMessage={fieldError('contact.email')}>
          <Input type="email" value={form.contactEmail} onChange={set('contactEmail')} />
        </Field>
        <Field label="Contact phone" validationMessage={fieldError('contact.phone')}>
          <Input type="tel" value={form.contactPhone} onChange={set('contactPhone')} />
        </Field>
      </div>
      <div>
        <Button appearance="primary" onClick={save}>
          Save partnership details
        </Button>
      </div>
      <PartnershipLogo logo={partnership.logo} />
    </section>
  );
};

/** The logo on every pack's cover, with the alt text a screen reader reads for it (WCAG 1.1.1). */
const PartnershipLogo = ({ logo }: { logo: Partnership['logo'] }) => {
  const styles = useStyles();
  const [altText, setAltText] = useState(logo?.altText ?? '');
  const { act, pending, error, notice } = useChange();
  return (
    <div className={styles.form} role="group" aria-label="Logo on the pack cover">
      <ErrorBar title="The logo was not changed" error={error} />
      <Text>{logo ? `The cover shows ${logo.file} (“${logo.altText}”).` : 'No logo yet: the packs’ covers show the partnership’s name only.'}</Text>
      {notice && !error && <Text role="status">{notice}</Text>}
      <Field label="Logo description (alt text)" hint="What the logo shows, e.g. “Westmoor Children and Families Partnership logo”">
        <Input value={altText} onChange={(_e, d) => setAltText(d.value)} />
      </Field>
      <div style={{ display: 'flex', gap: '8px' }}>
        <Button disabled={pending || !altText.trim()} onClick={() => act(async () => {
          const r = await call('partnership:chooseLogo', { altText });
          return r.ok ? { ok: true as const, value: { summary: r.value.chosen ? r.value.summary : r.value.reason } } : r;
        })}>
          {logo ? 'Choose another logo…' : 'Choose a logo…'}
        </Button>
        {logo && (
          <Button disabled={pending} onClick={() => act(() => call('partnership:removeLogo', {}))}>
            Remove the logo
          </Button>
        )}
      </div>
    </div>
  );
};

const DataFolder = ({ dataDir }: { dataDir: string }) => {
  const styles = useStyles();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const move = async () => {
    setError(null);
    setMessage(null);
    const r = await bridge().settings.moveDataFolder();
    if (r.ok) setMessage(r.value.message);
    else setError(r.error);
  };
  return (
    <section className={styles.section} aria-labelledby="folder-heading">
      <H2 id="folder-heading">Data folder</H2>
      <Text>
        Quorum keeps its records, audit journal and backups in <span className={styles.mono}>{dataDir}</span>.
      </Text>
      <ErrorBar title="The data folder was not moved" error={error} />
      {message && (
        <MessageBar intent="info">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button onClick={move}>Move data folder…</Button>
      </div>
    </section>
  );
};

const Backups = () => {
  const styles = useStyles();
  const { state, reload } = useQuery('backups:list', {});
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const restore = async (b: BackupInfo) => {
    setConfirm(null);
    setError(null);
    const r = await bridge().backups.restore({ backupId: b.id });
    if (r.ok) setDone(`Restored the backup taken ${formatTimestamp(b.takenAt)}. The data as it was before is kept as a backup too.`);
    else setError(r.error);
    reload();
  };
  return (
    <section className={styles.section} aria-labelledby="backups-heading">
      <H2 id="backups-heading">Backups</H2>
      <Text className={styles.muted}>
        Quorum copies the store before the first change of each session and then every hour: the newest three from today and one from
        each earlier day, ten at most.
      </Text>
      <ErrorBar title="The backup was not restored" error={error} />
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'loading' && <Spinner size="tiny" label="Loading backups…" />}
      {state.status === 'error' && <ErrorBar title="Backups could not be listed" error={state.error} />}
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <Text>No backups yet: the first is taken before your first change in this session.</Text>
        ) : (
          <Table aria-label="Backups" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Taken</TableHeaderCell>
                <TableHeaderCell>Why</TableHeaderCell>
                <TableHeaderCell>Size</TableHeaderCell>
                <TableHeaderCell>Action</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.value.map((b) => (
                <TableRow key={b.id}>
                  <TableCell>{formatTimestamp(b.takenAt)}</TableCell>
                  <TableCell>{b.reason}</TableCell>
                  <TableCell>{formatBytes(b.bytes)}</TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => setConfirm(b)} aria-label={`Restore the backup taken ${formatTimestamp(b.takenAt)}`}>
                      Restore…
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      <Dialog open={confirm !== null} onOpenChange={(_e, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Restore this backup?</DialogTitle>
            <DialogContent>
              Your records will go back to how they were at {confirm ? formatTimestamp(confirm.takenAt) : ''}. The current data is copied
              into backups first, so you can undo this.
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirm(null)}>Cancel</Button>
              <Button appearance="primary" onClick={() => confirm && restore(confirm)}>
                Restore
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
};

const Journal = () => {
  const styles = useStyles();
  const { state } = useQuery('journal:list', { limit: 50 });
  return (
    <section className={styles.section} aria-labelledby="journal-heading">
      <H2 id="journal-heading">Audit journal</H2>
      {state.status === 'loading' && <Spinner size="tiny" label="Checking the journal…" />}
      {state.status === 'error' && <ErrorBar title="The journal could not be read" error={state.error} />}
      {state.status === 'ready' && (
        <>
          <div className={styles.row}>
            {state.value.check.ok ? (
              <Badge appearance="tint" color="success">Verified</Badge>
            ) : (
              <Badge appearance="filled" color="danger">Check failed</Badge>
            )}
            <Text>
              {state.value.check.ok
                ? `${state.value.check.entries} entries; every entry’s hash chain is intact.`
                : state.value.check.problem}
            </Text>
          </div>
          <Table aria-label="Latest journal entries" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>No.</TableHeaderCell>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>Who</TableHeaderCell>
                <TableHeaderCell>What</TableHeaderCell>
                <TableHeaderCell>Records</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {state.value.entries.map((e) => (
                <TableRow key={e.seq}>
                  <TableCell>{e.seq}</TableCell>
                  <TableCell>{formatTimestamp(e.at)}</TableCell>
                  <TableCell>{e.user}</TableCell>
                  <TableCell>{e.summary}</TableCell>
                  <TableCell>{e.ids.length}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
};

/**
 * A partnership that outgrows one laptop: this folder's records go onto the team's server (set up
 * by IT, docs/team.md), and other officers join from there. In team mode: where it syncs.
 */
const TeamSection = () => {
  const styles = useStyles();
  const { state } = useQuery('team:status', {});
  if (state.status !== 'ready') return null;
  const team = state.value;
  return (
    <section className={styles.section} aria-labelledby="team-heading">
      <H2 id="team-heading">Team</H2>
      {team ? (
        <Text>
          This folder is your copy of <Text weight="semibold">{team.partnership}</Text> on {team.server}, signed in as {team.user}. Its records sync with the other officers’; the server
          keeps the partnership’s backups. See Team for changes that need a decision.
        </Text>
      ) : (
        <>
          <Text>
            Share this partnership with other officers (council, NHS, police), each with their own copy that works offline and syncs through your partnership’s server.
            Your IT team sets the server up and gives you its address, the partnership’s short name and your sign-in. The records here go onto the (empty) server;
            this folder keeps its solo store as it is now.
          </Text>
          <TeamSignInForm mode="promote" />
        </>
      )}
    </section>
  );
};

export const Settings = () => {
  const { state } = useQuery('partnership:get', {});
  const info = useQuery('app:info', {});
  const [saved, setSaved] = useState(false);
  // A restore or a move replaces what was saved: the notice would then be stale.
  useEffect(() => bridge().on('store:changed', (e) => e.command !== 'partnership:update' && setSaved(false)), []);
  return (
    <>
      <Title1 as="h1">Settings</Title1>
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>Saved.</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && state.value && (
        <PartnershipForm key={`${state.value.rev}:${state.value.updatedAt}`} partnership={state.value} onSaved={setSaved} />
      )}
      {info.state.status === 'ready' && <DataFolder dataDir={info.state.value.dataDir} />}
      <TeamSection />
      <Backups />
      <Journal />
    </>
  );
};
