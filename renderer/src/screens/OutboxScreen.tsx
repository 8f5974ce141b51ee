import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ChannelResult } from '@shared/contract';
import type { QuorumError } from '@shared/result';
import { call, useQuery } from '../bridge';
import { ErrorBar } from '../components/ErrorBar';
import { FormDialog } from '../components/FormDialog';
import { formatUkDate, formatTimestamp } from '../format';

/**
 * The outbox (docs/ARCHITECTURE.md, the outbox): every message Quorum wrote that is due, to read,
 * edit and send through the partnership's own mail server (or save as .eml files for Outlook),
 * and what was sent, to whom and when.
 */
type Outbox = ChannelResult<'outbox:list'>;
type Entry = Outbox['due'][number];

const KIND_LABEL: Record<Entry['kind'], string> = {
  'paper-request': 'Paper request',
  'paper-reminder': 'Reminder',
  'paper-chaser': 'Chaser',
  'clearance-request': 'Clearance request',
  'action-reminder': 'Action reminder',
  'circulation-notice': 'Circulation notice',
  resolution: 'Written resolution',
  'resolution-reminder': 'Resolution reminder',
  'interests-request': 'Register of interests',
  'interests-reminder': 'Register reminder',
};

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '12px', alignItems: 'end', flexWrap: 'wrap', margin: '16px 0' },
  muted: { color: tokens.colorNeutralForeground3 },
  section: { marginTop: '28px' },
});

export const OutboxScreen = () => {
  const styles = useStyles();
  const view = useQuery('outbox:list', {});
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Entry | null>(null);
  const [settings, setSettings] = useState(false);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  if (view.state.status === 'loading') return <Spinner label="Loading the outbox…" />;
  if (view.state.status === 'error') return <ErrorBar title="The outbox could not be loaded" error={view.state.error} />;
  const v = view.state.value;
  const sendable = v.due.filter((m) => !m.problem);
  const send = async () => {
    setSending(true);
    const r = await call('outbox:send', { keys: [...chosen] });
    if (!r.ok) {
      setSending(false);
      return setError(r.error);
    }
    // Said once the list is read again, so "Sent 6" never shows beside the six still listed as due.
    await view.reload();
    setSending(false);
    setError(null);
    setChosen(new Set());
    const files = r.value.files.length ? ` as .eml files in ${r.value.files[0].replace(/[\\/][^\\/]*$/, '')}` : '';
    setNotice(`Sent ${r.value.sent}${files}${r.value.failed.length ? `; ${r.value.failed.length} not sent: ${r.value.failed.map((f) => f.reason).join('; ')}` : ''}.`);
  };
  return (
    <>
      <Title1 as="h1" block>
        Outbox
      </Title1>
      <Text block className={styles.muted}>
        Paper requests six weeks ahead, reminders before the deadline, chasers after it, clearance requests and action reminders, as they fall due. Read and edit each before it goes; each is sent once.
      </Text>
      <div className={styles.bar}>
        <Button appearance="primary" disabled={sending || chosen.size === 0} onClick={() => void send()}>
          {sending ? 'Sending…' : v.mail ? `Send ${chosen.size || ''} through ${v.mail.host}`.replace('  ', ' ') : `Save ${chosen.size || ''} as .eml files for Outlook…`.replace('  ', ' ')}
        </Button>
        <Button disabled={sendable.length === 0} onClick={() => setChosen(new Set(sendable.map((m) => m.key)))}>
          Choose all that can go
        </Button>
        <Button onClick={() => setSettings(true)}>Mail server…</Button>
      </div>
      <ErrorBar title="The messages were not sent" error={error} />
      {notice && (
        <Text role="status" block>
          {notice}
        </Text>
      )}
      {v.due.length === 0 ? (
        <Text block>Nothing is due.</Text>
      ) : (
        <Table aria-label="Messages due" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '44px' }}>Send</TableHeaderCell>
              <TableHeaderCell style={{ width: '130px' }}>Due</TableHeaderCell>
              <TableHeaderCell>Message</TableHeaderCell>
              <TableHeaderCell style={{ width: '110px' }}>Edit</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {v.due.map((m) => (
              <TableRow key={m.key}>
                <TableCell>
                  <Checkbox
                    aria-label={`Send: ${m.subject}`}
                    disabled={Boolean(m.problem)}
                    checked={chosen.has(m.key)}
                    onChange={(_e, d) => setChosen((c) => (d.checked ? new Set([...c, m.key]) : new Set([...c].filter((k) => k !== m.key))))}
                  />
                </TableCell>
                <TableCell>{formatUkDate(m.dueOn)}</TableCell>
                <TableCell>
                  <Text block weight="semibold">
                    {m.subject}
                  </Text>
                  <Text block size={200}>
                    {KIND_LABEL[m.kind]} to {m.to.map((r) => (r.email ? `${r.name} <${r.email}>` : r.name)).join(', ')}
                    {m.edited ? ' · edited' : ''}
                  </Text>
                  {m.problem && (
                    <Badge appearance="tint" color="danger">
                      {m.problem}
                    </Badge>
                  )}
                  {m.failure && (
                    <Text block size={200} role="note">
                      Not sent {formatTimestamp(m.failure.at)}: {m.failure.reason}
                    </Text>
                  )}
                </TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setEditing(m)} aria-label={`Read and edit: ${m.subject}`}>
                    Read, edit…
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <section aria-labelledby="outbox-sent" className={styles.section}>
        <Text as="h2" id="outbox-sent" size={600} weight="semibold" block>
          Sent
        </Text>
        {v.sent.length === 0 ? (
          <Text block>Nothing sent yet.</Text>
        ) : (
          <Table aria-label="Messages sent" size="small">
            <TableBody>
              {v.sent.map((m) => (
                <TableRow key={m.key}>
                  <TableCell style={{ width: '200px' }}>{formatTimestamp(m.sent.at)}</TableCell>
                  <TableCell>
                    {m.subject}
                    <Text block size={200} className={styles.muted}>
                      To {m.to.map((r) => r.name).join(', ')} · {m.sent.via === 'smtp' ? `through ${m.sent.server}` : 'saved for Outlook'}
                    </Text>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
      {editing && (
        <EditMessageDialog
          entry={editing}
          onClose={(summary) => {
            setEditing(null);
            if (summary) setNotice(summary);
          }}
        />
      )}
      {settings && (
        <MailServerDialog
          mail={v.mail}
          onClose={(summary) => {
            setSettings(false);
            if (summary) setNotice(summary);
          }}
        />
      )}
    </>
  );
};

const EditMessageDialog = ({ entry, onClose }: { entry: Entry; onClose: (summary?: string) => void }) => {
  const [form, setForm] = useState({ to: entry.to.map((r) => `${r.name} <${r.email}>`).join('\n'), subject: entry.subject, body: entry.body });
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const to = form.to
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const m = /^(.*?)\s*<([^>]*)>$/.exec(l);
        return m ? { name: m[1] || m[2], email: m[2] } : { name: l, email: l };
      });
    const r = await call('outbox:edit', { key: entry.key, kind: entry.kind, dueOn: entry.dueOn, about: entry.about, to, subject: form.subject, body: form.body });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title="Read and edit the message" errorTitle="The message was not saved" error={error} saveLabel="Save the message" onSave={save} onClose={() => onClose()} maxWidth="760px">
      <Field label="To (one a line: Name <address>)" validationMessage={error?.fields?.to}>
        <Textarea value={form.to} onChange={(_e, d) => setForm((f) => ({ ...f, to: d.value }))} rows={2} />
      </Field>
      <Field label="Subject" validationMessage={error?.fields?.subject}>
        <Input value={form.subject} onChange={(_e, d) => setForm((f) => ({ ...f, subject: d.value }))} />
      </Field>
      <Field label="Message" validationMessage={error?.fields?.body}>
        <Textarea value={form.body} onChange={(_e, d) => setForm((f) => ({ ...f, body: d.value }))} rows={12} resize="vertical" />
      </Field>
    </FormDialog>
  );
};

/** The partnership's own mail server, and the password the operating system keeps for it. */
const MailServerDialog = ({ mail, onClose }: { mail: Outbox['mail']; onClose: (summary?: string) => void }) => {
  const [form, setForm] = useState({ host: mail?.host ?? '', port: String(mail?.port ?? 587), security: mail?.security ?? 'starttls', user: mail?.user ?? '', from: mail?.from ?? '', fromName: mail?.fromName ?? '', caFile: mail?.caFile ?? '', password: '' });
  const [error, setError] = useState<QuorumError | null>(null);
  const set = (key: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [key]: d.value }));
  const save = async () => {
    const r = form.host.trim()
      ? await call('partnership:setMail', { mail: { host: form.host.trim(), port: Number(form.port), security: form.security as 'starttls', user: form.user, from: form.from, fromName: form.fromName, ...(form.caFile.trim() ? { caFile: form.caFile.trim() } : {}) } })
      : await call('partnership:setMail', { mail: null });
    if (!r.ok) return setError(r.error);
    if (form.password) {
      const p = await call('outbox:setPassword', { password: form.password });
      if (!p.ok) return setError(p.error);
    }
    onClose(r.value.summary);
  };
  return (
    <FormDialog title="The partnership’s mail server" errorTitle="The mail server was not saved" error={error} saveLabel="Save" onSave={save} onClose={() => onClose()}>
      <Text block>Your council’s IT gives these. With no server, messages are saved as .eml files to send from Outlook. The password is kept by this computer’s credential store, never in the data folder.</Text>
      <Field label="Server (blank: save as .eml files)" validationMessage={error?.fields?.host}>
        <Input value={form.host} onChange={set('host')} placeholder="e.g. smtp.council.gov.uk" />
      </Field>
      <Field label="Port" validationMessage={error?.fields?.port}>
        <Input type="number" value={form.port} onChange={set('port')} />
      </Field>
      <Field label="Security" validationMessage={error?.fields?.security}>
        <Select value={form.security} onChange={(_e, d) => setForm((f) => ({ ...f, security: d.value as typeof f.security }))}>
          <option value="starttls">STARTTLS (port 587)</option>
          <option value="tls">TLS (port 465)</option>
          <option value="none">None (a server on this computer only)</option>
        </Select>
      </Field>
      <Field label="Sign-in name" validationMessage={error?.fields?.user}>
        <Input value={form.user} onChange={set('user')} />
      </Field>
      <Field label="Password (blank: keep the one saved)">
        <Input type="password" value={form.password} onChange={set('password')} />
      </Field>
      <Field label="From address" validationMessage={error?.fields?.from}>
        <Input value={form.from} onChange={set('from')} placeholder="e.g. partnership.secretariat@council.gov.uk" />
      </Field>
      <Field label="From name">
        <Input value={form.fromName} onChange={set('fromName')} placeholder="e.g. Eastmere Partnership Secretariat" />
      </Field>
      <Field label="The council’s certificate authority (optional)" hint="A .pem file IT gives when the mail server’s certificate comes from the council’s own authority; the certificate is always checked.">
        <Input value={form.caFile} onChange={set('caFile')} placeholder="e.g. C:\IT\council-root-ca.pem" />
      </Field>
    </FormDialog>
  );
};
