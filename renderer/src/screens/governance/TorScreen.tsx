import { useState } from 'react';
import { Badge, Button, Field, MessageBar, MessageBarBody, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title1, makeStyles, tokens } from '@fluentui/react-components';
import type { TorView } from '@shared/views';
import type { TermsOfReference } from '@shared/schema/records';
import type { QuorumError } from '@shared/result';
import { bridge, call, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDialog } from '../../components/FormDialog';
import { DecisionFields, type Decision } from '../../components/DecisionFields';
import { quorumInWords } from '@shared/rules/quorumWords';
import { MarkdownView } from '../../components/MarkdownView';
import { formatUkDate, relativeDays } from '../../format';
import { daysBetween } from '@shared/rules/dates';
import { TorEditor } from './TorEditor';
import { AddABoardFirst } from '../../components/FirstDo';
import { useChosenFile } from '../../components/imports/useChosenFile';
import { ImportTorDialog } from '../../components/imports/ImportTorDialog';
import { WordExportButton } from './WordExportButton';
import { chosenId } from '../../ids';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '16px', alignItems: 'flex-end', flexWrap: 'wrap', margin: '16px 0' },
  section: { marginTop: '24px', display: 'flex', flexDirection: 'column', gap: '8px' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 24px', margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

const STATUS_COLOUR = { draft: 'warning', approved: 'success', superseded: 'subtle' } as const;
const fraction = (f?: number) => (f === undefined ? '' : Math.abs(f - 1 / 3) < 0.01 ? 'a third of members' : Math.abs(f - 2 / 3) < 0.01 ? 'two thirds of members' : `${Math.round(f * 100)}% of members`);

const ApproveDialog = ({ view, tor, onClose }: { view: TorView; tor: TermsOfReference; onClose: (summary: string | null) => void }) => {
  const [decision, setDecision] = useState<Decision>({ date: '', meetingId: '', minuteRef: '' });
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async ({ confirmed }: { confirmed: boolean }) => {
    const { date, meetingId, minuteRef } = decision;
    const r = await bridge().tor.approve({ torId: tor.id, date, minuteRef, meetingId: chosenId('meeting', meetingId), ...(confirmed ? { confirmed } : {}) });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  return (
    <FormDialog title={`Approve version ${tor.version}`} errorTitle="The terms of reference were not approved" error={error} saveLabel="Approve" onSave={save} onClose={() => onClose(null)} saveDisabled={!decision.date}>
      <Text>The version now in force will be superseded; it stays in the history.</Text>
      <DecisionFields value={decision} onChange={setDecision} meetings={view.meetings} dateLabel="Approved on" error={error} />
    </FormDialog>
  );
};

const TorDetails = ({ view, tor }: { view: TorView; tor: TermsOfReference }) => {
  const styles = useStyles();
  const person = (id?: string) => view.people.find((p) => p.id === id)?.name ?? 'Vacant';
  const org = (id: string) => view.organisations.find((o) => o.id === id)?.name ?? '';
  const role = (key?: string) => tor.members.find((m) => m.key === key)?.role ?? 'Not set';
  const q = tor.quorum;
  const parts = [q.minMembers ? `at least ${q.minMembers} members` : '', fraction(q.minFraction), q.requireChairOrVice ? 'including the chair or vice-chair' : '', q.minAgencies ? `from at least ${q.minAgencies} agencies` : ''].filter(Boolean);
  return (
    <>
      <section className={styles.section} aria-labelledby="tor-purpose">
        <Text as="h3" id="tor-purpose" size={500} weight="semibold">
          Purpose
        </Text>
        <MarkdownView markdown={tor.purpose} headingBase={3} />
        <Text as="h3" size={500} weight="semibold">
          Responsibilities
        </Text>
        <MarkdownView markdown={tor.responsibilities} headingBase={3} />
      </section>
      <section className={styles.section} aria-labelledby="tor-members">
        <Text as="h3" id="tor-members" size={500} weight="semibold">
          Membership
        </Text>
        <Table aria-label="Membership" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Seat</TableHeaderCell>
              <TableHeaderCell>Organisation</TableHeaderCell>
              <TableHeaderCell>Person</TableHeaderCell>
              <TableHeaderCell>Voting</TableHeaderCell>
              <TableHeaderCell>Deputy allowed</TableHeaderCell>
              <TableHeaderCell>Statutory seat</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {tor.members.map((m) => (
              <TableRow key={m.key}>
                <TableCell>{m.role}</TableCell>
                <TableCell>{org(m.organisationId)}</TableCell>
                <TableCell>{person(m.personId)}</TableCell>
                <TableCell>{m.voting ? 'Yes' : 'No'}</TableCell>
                <TableCell>{m.deputyAllowed ? 'Yes' : 'No'}</TableCell>
                <TableCell>{m.statutory ? 'Yes' : 'No'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section className={styles.section} aria-labelledby="tor-rules">
        <Text as="h3" id="tor-rules" size={500} weight="semibold">
          How the board works
        </Text>
        <dl className={styles.facts}>
          <dt>Chair</dt>
          <dd>{role(tor.chairMemberKey)}</dd>
          <dt>Vice-chair</dt>
          <dd>{role(tor.viceChairMemberKey)}</dd>
          <dt>Quorum</dt>
          <dd>
            {quorumInWords(q) || 'Not stated'}
            {parts.length > 0 && <Text className={styles.muted}> (checked as: {parts.join(', ')})</Text>}
          </dd>
          <dt>Meetings a year</dt>
          <dd>{tor.meetingsPerYear}</dd>
          <dt>Deep dives a meeting</dt>
          <dd>{tor.deepDivesPerMeeting}</dd>
          <dt>Paper deadline</dt>
          <dd>{tor.paperDeadlineWorkingDays} clear working days before the meeting</dd>
          <dt>Reports to</dt>
          <dd>{tor.reportsToBoardIds.map((id) => view.boards.find((b) => b.id === id)?.name).filter(Boolean).join('; ') || 'None'}</dd>
          <dt>Permissions</dt>
          <dd>{tor.permissions.join('; ') || 'None'}</dd>
          <dt>Review date</dt>
          <dd>{formatUkDate(tor.reviewDate)}</dd>
        </dl>
      </section>
    </>
  );
};

/** A board's terms of reference: every version, the one in force, and the draft the board will be asked to approve. */
export const TorScreen = () => {
  const styles = useStyles();
  const boards = useQuery('boards:list', {});
  const [boardId, setBoardId] = useState<string | null>(null);
  const chosenBoard = boardId ?? (boards.state.status === 'ready' ? (boards.state.value[0]?.id ?? null) : null);
  const tor = useQuery('tor:get', chosenId('board', chosenBoard) ? { boardId: chosenId('board', chosenBoard)! } : null);
  const [versionId, setVersionId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'approve' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const word = useChosenFile(() => call('imports:chooseTor', {}));
  if (boards.state.status === 'loading' || tor.state.status === 'loading') return <Spinner label="Loading the terms of reference…" />;
  if (boards.state.status === 'error') return <ErrorBar title="The boards could not be loaded" error={boards.state.error} />;
  if (tor.state.status === 'error') return <ErrorBar title="The terms of reference could not be loaded" error={tor.state.error} />;
  const view = tor.state.value;
  const versions = view?.versions ?? [];
  const shown = versions.find((v) => v.id === versionId) ?? versions.find((v) => v.status === 'approved') ?? versions[0];
  const draft = versions.find((v) => v.status === 'draft');
  const close = (summary: string | null) => {
    setDialog(null);
    if (summary) setNotice(summary);
  };
  // Always offered: onto the draft where there is one (its seats keep their people), else as a new draft.
  const importButton = (
    <>
      <Button disabled={word.pending || !view} onClick={word.open} aria-describedby={view ? undefined : 'tor-import-why'}>
        {draft ? `Import from Word into draft version ${draft.version}…` : 'Import from Word…'}
      </Button>
      {!view && (
        <Text id="tor-import-why" className={styles.muted}>
          Importing terms of reference needs a board to import them for.
        </Text>
      )}
    </>
  );
  return (
    <>
      <Title1 as="h1" block>
        Terms of reference
      </Title1>
      <div className={styles.bar}>
        <Field label="Board">
          <Select
            value={chosenBoard ?? ''}
            onChange={(_e, d) => {
              setBoardId(d.value);
              setVersionId(null);
              // What was said of the last board's change is not said of this one.
              setNotice(null);
              setError(null);
            }}
          >
            {boards.state.value.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </Select>
        </Field>
        {versions.length > 0 && (
          <Field label="Version">
            <Select value={shown?.id ?? ''} onChange={(_e, d) => setVersionId(d.value)}>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  Version {v.version} ({v.status}
                  {v.approval ? `, approved ${formatUkDate(v.approval.date)}` : ''})
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
      {boards.state.value.length === 0 && (
        <>
          <AddABoardFirst what="Terms of reference" />
          {importButton}
        </>
      )}
      <ErrorBar title="Nothing was changed" error={error} />
      <ErrorBar title="The Word document was not imported" error={word.error} />
      {view && word.file && (
        <ImportTorDialog
          board={view.board}
          document={word.file}
          onClose={(summary) => {
            word.close();
            if (summary) {
              setNotice(summary);
              setVersionId(null);
            }
          }}
        />
      )}
      {notice && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {view && shown ? (
        <>
          <div className={styles.actions}>
            <Badge appearance="filled" color={STATUS_COLOUR[shown.status]}>
              Version {shown.version}: {shown.status}
            </Badge>
            {shown.approval && (
              <Text className={styles.muted}>
                Approved {formatUkDate(shown.approval.date)}
                {shown.approval.minuteRef ? `, minute ${shown.approval.minuteRef}` : ''}
              </Text>
            )}
            {shown.status !== 'superseded' && (
              <Text className={styles.muted}>
                Review due {formatUkDate(shown.reviewDate)} ({relativeDays(daysBetween(view.today, shown.reviewDate))})
              </Text>
            )}
          </div>
          <div className={styles.actions} style={{ marginTop: '12px' }}>
            {(shown.status === 'draft' || !draft) && <Button onClick={() => setDialog('edit')}>{shown.status === 'draft' ? 'Edit the draft…' : 'Edit (starts a new draft)…'}</Button>}
            {shown.status === 'draft' && (
              <>
                <Button appearance="primary" onClick={() => setDialog('approve')}>
                  Record approval…
                </Button>
                <Button
                  onClick={async () => {
                    setError(null);
                    const r = await bridge().tor.discardDraft({ torId: shown.id });
                    if (!r.ok) return setError(r.error);
                    setNotice(r.value.summary);
                    setVersionId(null);
                  }}
                >
                  Discard the draft
                </Button>
              </>
            )}
            {importButton}
            {draft && shown.status !== 'draft' && <Text className={styles.muted}>Version {draft.version} is in draft; edit it from the version list.</Text>}
            <WordExportButton label="Export to Word…" call={() => bridge().exports.governance({ what: 'tor', id: shown.id })} />
          </div>
          <TorDetails view={view} tor={shown} />
          {dialog === 'edit' && <TorEditor view={view} base={shown} onClose={close} />}
          {dialog === 'approve' && <ApproveDialog view={view} tor={shown} onClose={close} />}
        </>
      ) : (
        view && (
          <>
            <Text as="p">This board has no terms of reference yet. Its quorum, paper deadline and deep dives are checked against them once they exist.</Text>
            <Button appearance="primary" onClick={() => setDialog('edit')}>
              Start the terms of reference…
            </Button>{' '}
            {importButton}
            {dialog === 'edit' && <TorEditor view={view} base={null} onClose={close} />}
          </>
        )
      )}
    </>
  );
};
