import { chosenId } from '../../ids';
import { useReviewer } from '../../components/Reviewer';
import { useState } from 'react';
import {
  Badge,
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CommentView, ProtocolView, VersionView } from '@shared/rules/protocolView';
import type { SectionDiff } from '@shared/rules/protocolDiff';
import type { QuorumError } from '@shared/result';
import { bridge, call, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDialog } from '../../components/FormDialog';
import type { Act } from '../../components/useChange';
import { DecisionFields, type Decision } from '../../components/DecisionFields';
import { MarkdownView } from '../../components/MarkdownView';
import { formatTimestamp, formatUkDate } from '../../format';

const useStyles = makeStyles({
  card: { padding: '12px 16px', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, display: 'flex', flexDirection: 'column', gap: '6px', marginTop: '12px' },
  /** Read by screen readers, not shown: "added" and "removed" before each change in the compare (colour is never the only signal). */
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  ins: { backgroundColor: tokens.colorPaletteGreenBackground2, textDecoration: 'underline' },
  del: { backgroundColor: tokens.colorPaletteRedBackground2, textDecoration: 'line-through' },
  pre: { whiteSpace: 'pre-wrap' },
});


/** A partner's comment on a section, or on the whole protocol. */
export const CommentDialog = ({ view, version, sectionKey, onClose }: { view: ProtocolView & { today: string }; version: VersionView; sectionKey: string; onClose: (summary: string | null) => void }) => {
  const [author, setAuthor] = useState('');
  // Typed in from a partner's email or letter: the day it arrived, which the sign-off checks compare with.
  const [receivedOn, setReceivedOn] = useState(view.today);
  const future = receivedOn > view.today;
  const [organisationId, setOrganisationId] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const section = version.sections.find((s) => s.key === sectionKey);
  const save = async () => {
    const r = await bridge().protocols.comment({ protocolVersionId: version.id, sectionKey, author, organisationId: chosenId('organisation', organisationId)!, text, ...(receivedOn ? { receivedOn } : {}) });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={section ? `Comment on section ${section.number}: ${section.heading}` : 'Comment on the protocol'} errorTitle="The comment was not saved" error={error} saveLabel="Add comment" onSave={save} onClose={() => onClose(null)} saveDisabled={!author.trim() || !organisationId || !text.trim() || !receivedOn || future}>
      <Field label="From (name)" required>
        <Input
          value={author}
          list="protocol-people"
          onChange={(_e, d) => {
            setAuthor(d.value);
            const known = view.people.find((p) => p.name === d.value);
            if (known) setOrganisationId(known.organisationId);
          }}
        />
      </Field>
      <datalist id="protocol-people">
        {view.people.map((p) => (
          <option key={p.name} value={p.name} />
        ))}
      </datalist>
      <Field label="Organisation" required>
        <Select value={organisationId} onChange={(_e, d) => setOrganisationId(d.value)}>
          <option value="">Choose the organisation</option>
          {view.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Comment" required>
        <Textarea value={text} onChange={(_e, d) => setText(d.value)} rows={4} resize="vertical" />
      </Field>
      <Field label="Received on" required hint="The day the partner sent it: sign-off dates are checked against it." validationMessage={error?.fields?.receivedOn ?? (future ? 'A comment cannot arrive after today' : !receivedOn ? 'Give the day it arrived' : undefined)}>
        <Input type="date" value={receivedOn} max={view.today} onChange={(_e, d) => setReceivedOn(d.value)} />
      </Field>
    </FormDialog>
  );
};

const CommentCard = ({ c, act }: { c: CommentView; act: Act }) => {
  const styles = useStyles();
  const reviewer = useReviewer();
  const [response, setResponse] = useState(c.response?.response ?? '');
  const [editing, setEditing] = useState(!c.response);
  const answer = async (outcome: 'accepted' | 'declined') => {
    if (await act(() => bridge().protocols.respond({ commentId: c.id, outcome, response }))) setEditing(false);
  };
  return (
    <article className={styles.card} aria-label={`Comment by ${c.author} on ${c.where}`}>
      <Text>
        <Text weight="semibold">{c.author}</Text>, {c.organisation} <Text className={styles.muted}>· {c.where} · {formatTimestamp(c.madeAt)}</Text>
      </Text>
      <Text className={styles.pre}>{c.text}</Text>
      {reviewer ? (
        c.response && (
          <Text>
            <Badge appearance="filled" color={c.response.outcome === 'accepted' ? 'success' : 'informative'}>
              {c.response.outcome === 'accepted' ? 'Accepted' : 'Declined'}
            </Badge>{' '}
            {c.response.response}
          </Text>
        )
      ) : c.response && !editing ? (
        <Text>
          <Badge appearance="filled" color={c.response.outcome === 'accepted' ? 'success' : 'informative'}>
            {c.response.outcome === 'accepted' ? 'Accepted' : 'Declined'}
          </Badge>{' '}
          {c.response.response}{' '}
          <Button size="small" appearance="subtle" onClick={() => setEditing(true)} aria-label={`Change the answer to ${c.author}`}>
            Change
          </Button>
        </Text>
      ) : (
        <div className={styles.row}>
          <Field label={`Response to ${c.author}`} style={{ flex: 1, minWidth: '280px' }}>
            <Textarea value={response} onChange={(_e, d) => setResponse(d.value)} rows={2} resize="vertical" />
          </Field>
          <Button appearance="primary" disabled={!response.trim()} onClick={() => answer('accepted')}>
            Accept
          </Button>
          <Button disabled={!response.trim()} onClick={() => answer('declined')}>
            Decline
          </Button>
        </div>
      )}
    </article>
  );
};

/** Every comment on the version, or only one partner's (the consultation view per partner), with its answer. */
export const CommentsTab = ({ version, act }: { version: VersionView; act: Act }) => {
  const styles = useStyles();
  const [org, setOrg] = useState('');
  const partners = [...new Map(version.comments.map((c) => [c.organisationId, c.organisation])).entries()];
  const shown = version.comments.filter((c) => !org || c.organisationId === org);
  const open = shown.filter((c) => !c.response).length;
  return (
    <>
      <div className={styles.row}>
        <Field label="Consultation view for">
          <Select value={org} onChange={(_e, d) => setOrg(d.value)}>
            <option value="">All partners</option>
            {partners.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
        <Text className={styles.muted}>
          {shown.length} comment{shown.length === 1 ? '' : 's'}, {open} awaiting an answer
        </Text>
      </div>
      {shown.map((c) => (
        <CommentCard key={`${c.id}-${c.response?.respondedAt ?? ''}`} c={c} act={act} />
      ))}
      {version.carriedOver.map((earlier) => (
        <section key={earlier.version} aria-label={`Unanswered comments on version ${earlier.version}`}>
          <Text weight="semibold" block>
            Still unanswered from version {earlier.version} ({earlier.comments.length})
          </Text>
          {earlier.comments
            .filter((c) => !org || c.organisationId === org)
            .map((c) => (
              <CommentCard key={c.id} c={c} act={act} />
            ))}
        </section>
      ))}
    </>
  );
};

const SignOffDialog = ({ party, version, onClose }: { party: ProtocolView['parties'][number]; version: VersionView; onClose: (summary: string | null) => void }) => {
  const [decision, setDecision] = useState<Decision>({ date: '', meetingId: '', minuteRef: '' });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const unanswered = version.comments.filter((c) => !c.response).length;
  const save = async ({ confirmed }: { confirmed: boolean }) => {
    const { date, meetingId, minuteRef } = decision;
    const r = await bridge().protocols.signOff({ protocolVersionId: version.id, boardId: party.id, date, minuteRef, meetingId: chosenId('meeting', meetingId), ...(unanswered ? { unansweredReason: reason } : {}), ...(confirmed ? { confirmed } : {}) });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={`Sign-off by the ${party.name}`} errorTitle="The sign-off was not recorded" error={error} saveLabel="Record sign-off" onSave={save} onClose={() => onClose(null)} saveDisabled={!decision.date || (unanswered > 0 && !reason.trim())}>
      <DecisionFields value={decision} onChange={setDecision} meetings={party.meetings} dateLabel="Signed off on" error={error} />
      {unanswered > 0 && (
        <Field label={`${unanswered} partner comment${unanswered === 1 ? ' has' : 's have'} no response yet: why the board signed off regardless`} required validationMessage={error?.fields?.unansweredReason}>
          <Input value={reason} onChange={(_e, d) => setReason(d.value)} placeholder="e.g. The board agreed the comments will be taken up at the annual review" />
        </Field>
      )}
    </FormDialog>
  );
};

/** One row per party board; the version becomes agreed when the last of them signs. */
export const SignOffTab = ({ view, version, onDone }: { view: ProtocolView; version: VersionView; onDone: (summary: string) => void }) => {
  const styles = useStyles();
  const [signing, setSigning] = useState<ProtocolView['parties'][number] | null>(null);
  const [withdrawing, setWithdrawing] = useState<{ id: VersionView['signOffs'][number]['id']; board: string } | null>(null);
  const signed = version.signOffs.length;
  return (
    <>
      <Text block className={styles.muted}>
        {version.status === 'agreed'
          ? 'Every party board has signed this version off: it is agreed.'
          : version.status === 'consultation'
            ? `${signed} of ${view.parties.length} boards have signed. The protocol becomes agreed only when every party board has signed it off.`
            : version.status === 'draft'
              ? 'Put the draft out to consultation before the boards sign it off.'
              : 'This version has been superseded.'}
      </Text>
      <Table aria-label="Sign-off by the boards" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Board</TableHeaderCell>
            <TableHeaderCell>Signed off</TableHeaderCell>
            <TableHeaderCell>Meeting</TableHeaderCell>
            <TableHeaderCell>Minute</TableHeaderCell>
            <TableHeaderCell>Record</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.parties.map((p) => {
            const s = version.signOffs.find((x) => x.boardId === p.id);
            return (
              <TableRow key={p.id}>
                <TableCell>{p.name}</TableCell>
                <TableCell>{s ? formatUkDate(s.date) : 'Not yet'}</TableCell>
                <TableCell>{s?.meetingDate ? formatUkDate(s.meetingDate) : ''}</TableCell>
                <TableCell>{s?.minuteRef ?? ''}</TableCell>
                <TableCell>
                  {!s && version.status === 'consultation' && (
                    <Button size="small" onClick={() => setSigning(p)} aria-label={`Record sign-off by the ${p.name}`}>
                      Record sign-off…
                    </Button>
                  )}
                  {s && version.status !== 'superseded' && (
                    <Button size="small" appearance="subtle" onClick={() => setWithdrawing({ id: s.id, board: p.name })} aria-label={`Withdraw the sign-off by the ${p.name}`}>
                      Withdraw…
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {withdrawing && (
        <WithdrawSignOffDialog
          signOff={withdrawing}
          version={version}
          onClose={(summary) => {
            setWithdrawing(null);
            if (summary) onDone(summary);
          }}
        />
      )}
      {signing && (
        <SignOffDialog
          party={signing}
          version={version}
          onClose={(summary) => {
            setSigning(null);
            if (summary) onDone(summary);
          }}
        />
      )}
    </>
  );
};

const DiffText = ({ parts }: { parts: SectionDiff['bodyParts'] }) => {
  const styles = useStyles();
  return (
    <Text className={styles.pre}>
      {parts.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'ins' ? (
          <ins key={i} className={styles.ins}>
            <span className={styles.hidden}>added: </span>
            {p.text}
          </ins>
        ) : (
          <del key={i} className={styles.del}>
            <span className={styles.hidden}>removed: </span>
            {p.text}
          </del>
        ),
      )}
    </Text>
  );
};

/** The version history, and any two versions compared section by section. */
export const HistoryTab = ({ view }: { view: ProtocolView }) => {
  const styles = useStyles();
  const [from, setFrom] = useState<string>(view.versions[1]?.id ?? view.versions[0]?.id ?? '');
  const [to, setTo] = useState<string>(view.versions[0]?.id ?? '');
  const diff = useQuery('protocols:compare', { fromVersionId: chosenId('protocolVersion', from)!, toVersionId: chosenId('protocolVersion', to)! });
  return (
    <>
      <Table aria-label="Version history" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '80px' }}>Version</TableHeaderCell>
            <TableHeaderCell style={{ width: '130px' }}>Status</TableHeaderCell>
            <TableHeaderCell>What changed</TableHeaderCell>
            <TableHeaderCell style={{ width: '160px' }}>Signed off</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.versions.map((v) => (
            <TableRow key={v.id}>
              <TableCell>{v.version}</TableCell>
              <TableCell>{v.status}</TableCell>
              <TableCell>{v.changeSummary}</TableCell>
              <TableCell>
                {v.signOffs.length} of {view.parties.length}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.row} style={{ marginTop: '16px' }}>
        {(
          [
            ['Compare version', from, setFrom],
            ['with version', to, setTo],
          ] as const
        ).map(([label, value, set]) => (
          <Field key={label} label={label}>
            <Select value={value} onChange={(_e, d) => set(d.value)}>
              {view.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  Version {v.version} ({v.status})
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      {diff.state.status === 'error' && <ErrorBar title="The versions could not be compared" error={diff.state.error} />}
      {diff.state.status === 'ready' &&
        diff.state.value.map((s) => (
          <section key={s.key} className={styles.card} aria-label={`Section ${s.number} compared`}>
            <Text weight="semibold">
              {s.number}. <DiffText parts={s.headingParts.length ? s.headingParts : [{ kind: 'same', text: s.heading }]} />{' '}
              <Badge appearance="tint" color={s.change === 'same' ? 'subtle' : s.change === 'removed' ? 'danger' : 'warning'}>
                {s.change === 'same' ? 'No change' : s.change === 'changed' ? 'Changed' : s.change === 'added' ? 'New section' : 'Removed'}
              </Badge>
            </Text>
            {s.change !== 'same' && <DiffText parts={s.bodyParts} />}
          </section>
        ))}
    </>
  );
};

/** Who the version went to, and when. */
export const CirculationTab = ({ version, act }: { version: VersionView; act: Act }) => {
  const styles = useStyles();
  const [sentTo, setSentTo] = useState('');
  const [sentOn, setSentOn] = useState('');
  return (
    <>
      {version.circulations.length === 0 ? (
        <Text className={styles.muted}>Not yet sent to anyone.</Text>
      ) : (
        <ul aria-label="Circulation log">
          {version.circulations.map((c, i) => (
            <li key={i}>
              {formatUkDate(c.sentOn)}: {c.sentTo}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.row}>
        <Field label="Sent to" style={{ flex: 1, minWidth: '260px' }}>
          <Input value={sentTo} onChange={(_e, d) => setSentTo(d.value)} placeholder="e.g. Members of all three boards" />
        </Field>
        <Field label="On">
          <Input type="date" value={sentOn} onChange={(_e, d) => setSentOn(d.value)} />
        </Field>
        <Button
          disabled={!sentTo.trim() || !sentOn}
          onClick={async () => {
            if (await act(() => bridge().protocols.recordCirculation({ protocolVersionId: version.id, sentTo, sentOn }))) {
              setSentTo('');
              setSentOn('');
            }
          }}
        >
          Record
        </Button>
      </div>
    </>
  );
};

/** The version's sections as the partners read them, each with its comments count and a way to add one. */
export const SectionsTab = ({ version, onComment }: { version: VersionView; onComment: (sectionKey: string) => void }) => {
  const styles = useStyles();
  return (
    <>
      {version.sections.map((s) => {
        const count = version.comments.filter((c) => c.sectionKey === s.key).length;
        return (
          <section key={s.key} className={styles.card} aria-labelledby={`section-${s.key}`}>
            <Text as="h3" id={`section-${s.key}`} size={500} weight="semibold">
              {s.number}. {s.heading}
            </Text>
            <MarkdownView markdown={s.body} headingBase={3} />
            <div className={styles.row}>
              <Text className={styles.muted}>
                {count} comment{count === 1 ? '' : 's'}
              </Text>
              {version.status === 'consultation' && (
                <Button size="small" onClick={() => onComment(s.key)} aria-label={`Comment on section ${s.number}`}>
                  Comment…
                </Button>
              )}
            </div>
          </section>
        );
      })}
    </>
  );
};

/** A sign-off recorded in error, or rescinded by the board, withdrawn with why (kept in the audit journal). */
const WithdrawSignOffDialog = ({ signOff, version, onClose }: { signOff: { id: VersionView['signOffs'][number]['id']; board: string }; version: VersionView; onClose: (summary: string | null) => void }) => {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await call('protocols:withdrawSignOff', { signOffId: signOff.id, reason });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={`Withdraw the ${signOff.board}’s sign-off of version ${version.version}`} errorTitle="The sign-off was not withdrawn" error={error} saveLabel="Withdraw the sign-off" cancelLabel="Keep it" onSave={save} onClose={() => onClose(null)} saveDisabled={!reason.trim()}>
      {version.status === 'agreed' && <Text>This version is agreed; without this sign-off it goes back to consultation, and the version it replaced is in force again.</Text>}
      <Field label="Why" required validationMessage={error?.fields?.reason}>
        <Input value={reason} onChange={(_e, d) => setReason(d.value)} placeholder="e.g. Recorded against the wrong board" />
      </Field>
    </FormDialog>
  );
};
