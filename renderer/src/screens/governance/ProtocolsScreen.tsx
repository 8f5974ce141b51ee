import { useState } from 'react';
import { useReviewer } from '../../components/Reviewer';
import { Badge, Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Tab, TabList, Text, Title1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { BoardOption } from '@shared/views';
import type { QuorumError } from '@shared/result';
import { FirstDo } from '../../components/FirstDo';
import { bridge, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { FormDialog } from '../../components/FormDialog';
import { formatUkDate } from '../../format';
import { CirculationTab, CommentDialog, CommentsTab, HistoryTab, SectionsTab, SignOffTab } from './ProtocolTabs';
import { useChange } from '../../components/useChange';
import { SectionsEditor } from './SectionsEditor';
import { WordExportButton } from './WordExportButton';
import { ReturnedCopyDialog } from './ReturnedCopyDialog';
import type { ReturnedCopyOutcome } from '@shared/views';
import { PROTOCOL_STATUS_LABEL } from '@shared/rules/labels';
import { chosenIds } from '../../ids';

const useStyles = makeStyles({
  layout: { display: 'grid', gridTemplateColumns: '260px minmax(0, 1fr)', gap: '24px', alignItems: 'start', marginTop: '16px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  entry: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', fontWeight: tokens.fontWeightRegular, height: 'auto', padding: '8px' },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', margin: '8px 0' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const STATUS_COLOUR = { draft: 'warning', consultation: 'informative', agreed: 'success', superseded: 'subtle' } as const;
const TABS = [
  ['sections', 'Sections'],
  ['comments', 'Comments'],
  ['signoff', 'Sign-off'],
  ['history', 'Versions and compare'],
  ['circulation', 'Circulation'],
] as const;
type TabName = (typeof TABS)[number][0];
/** What a partner reviewer has: the text to comment on, the comments and answers, the versions. */
const REVIEWER_TABS: readonly TabName[] = ['sections', 'comments', 'history'];

const NewProtocolDialog = ({ boards, onClose }: { boards: readonly BoardOption[]; onClose: (protocolId: string | null) => void }) => {
  const [title, setTitle] = useState('');
  const [parties, setParties] = useState<string[]>([]);
  const [reviewDate, setReviewDate] = useState('');
  const [error, setError] = useState<QuorumError | null>(null);
  const save = async () => {
    const r = await bridge().protocols.create({ title, partyBoardIds: chosenIds('board', parties), reviewDate, sections: [{ key: 's1', number: '1', heading: 'Purpose', body: '' }] });
    if (r.ok) onClose(r.value.protocolId);
    else setError(r.error);
  };
  return (
    <FormDialog title="New protocol between boards" errorTitle="The protocol was not started" error={error} saveLabel="Start the draft" onSave={save} onClose={() => onClose(null)}>
      <Field label="Title" required validationMessage={error?.fields?.title}>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field label="Between the boards (two or more)" required validationMessage={error?.fields?.partyBoardIds}>
        {boards.map((b) => (
          <Checkbox key={b.id} label={b.name} checked={parties.includes(b.id)} onChange={(_e, d) => setParties((p) => (d.checked ? [...p, b.id] : p.filter((x) => x !== b.id)))} />
        ))}
      </Field>
      <Field label="Review date" required validationMessage={error?.fields?.reviewDate}>
        <Input type="date" value={reviewDate} onChange={(_e, d) => setReviewDate(d.value)} />
      </Field>
    </FormDialog>
  );
};

const ProtocolDetail = ({ protocolId }: { protocolId: string }) => {
  const styles = useStyles();
  const { state } = useQuery('protocols:get', { protocolId });
  const [versionId, setVersionId] = useState<string | null>(null);
  const [tab, setTab] = useState<TabName>('sections');
  const [commenting, setCommenting] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [importing, setImporting] = useState(false);
  const [returned, setReturned] = useState<Extract<ReturnedCopyOutcome, { imported: true }> | null>(null);
  const { act, error, notice, setNotice } = useChange();
  const reviewer = useReviewer();
  if (state.status === 'loading') return <Spinner label="Loading the protocol…" />;
  if (state.status === 'error') return <ErrorBar title="The protocol could not be loaded" error={state.error} />;
  const view = state.value;
  const version = view.versions.find((v) => v.id === versionId) ?? view.versions[0];
  const latest = view.versions[0];
  const done = (summary: string | null) => {
    setCommenting(null);
    setEditing(false);
    if (summary) setNotice(summary);
  };
  return (
    <article aria-labelledby="protocol-heading">
      <Text as="h2" id="protocol-heading" size={600} weight="semibold" block>
        {view.protocol.title}
      </Text>
      <Text block className={styles.muted}>
        Between {view.parties.map((p) => p.name).join(', ')}. Review date {formatUkDate(view.protocol.reviewDate)}.
      </Text>
      <div className={styles.row}>
        <Field label="Version">
          <Select value={version.id} onChange={(_e, d) => setVersionId(d.value)}>
            {view.versions.map((v) => (
              <option key={v.id} value={v.id}>
                Version {v.version} ({v.status})
              </option>
            ))}
          </Select>
        </Field>
        <Badge appearance="filled" color={STATUS_COLOUR[version.status]}>
          {PROTOCOL_STATUS_LABEL[version.status]}
        </Badge>
        {version.changeSummary && <Text className={styles.muted}>{version.changeSummary}</Text>}
      </div>
      <div className={styles.row}>
        {!reviewer && version.id === latest.id && <Button onClick={() => setEditing(true)}>{version.status === 'draft' ? 'Edit the draft…' : 'Start a new version…'}</Button>}
        {!reviewer && version.status === 'draft' && (
          <Button appearance="primary" onClick={() => act(() => bridge().protocols.startConsultation({ protocolVersionId: version.id }))}>
            Put out to consultation
          </Button>
        )}
        {!reviewer && version.status === 'consultation' && <Button onClick={() => setImporting(true)}>Import a returned Word copy…</Button>}
        <WordExportButton label="Export to Word…" call={() => bridge().exports.governance({ what: 'protocol', id: version.id })} />
        {view.lastAgreedId && view.lastAgreedId !== version.id && <WordExportButton label="Export with tracked changes…" call={() => bridge().exports.governance({ what: 'protocol', id: version.id, trackedChanges: true })} />}
      </div>
      <ErrorBar title="Nothing was changed" error={error} />
      {notice && !error && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {returned && (
        <MessageBar intent={returned.reports.length ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            Imported {returned.comments} comment{returned.comments === 1 ? '' : 's'} from {returned.sourceFile}: {returned.authors.map((a) => `${a.author} (${a.organisation}, ${a.count})`).join('; ')}.
            {returned.reports.length > 0 && (
              <ul>
                {returned.reports.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as TabName)} aria-label="Protocol">
        {TABS.filter(([v]) => !reviewer || REVIEWER_TABS.includes(v)).map(([v, l]) => (
          <Tab key={v} value={v}>
            {v === 'comments' ? `${l} (${version.comments.filter((c) => !c.response).length} open)` : l}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" aria-label={TABS.find(([v]) => v === tab)![1]} style={{ marginTop: '12px' }}>
        {tab === 'sections' && <SectionsTab version={version} onComment={setCommenting} />}
        {tab === 'comments' && <CommentsTab version={version} act={act} />}
        {tab === 'signoff' && <SignOffTab view={view} version={version} onDone={setNotice} />}
        {tab === 'history' && <HistoryTab view={view} />}
        {tab === 'circulation' && <CirculationTab version={version} act={act} />}
      </div>
      {commenting && <CommentDialog view={view} version={version} sectionKey={commenting} onClose={done} />}
      {importing && (
        <ReturnedCopyDialog
          view={view}
          version={version}
          onClose={(outcome) => {
            setImporting(false);
            if (typeof outcome === 'string') setNotice(outcome);
            else if (outcome) {
              setReturned(outcome);
              setTab('comments');
            }
          }}
        />
      )}
      {editing && <SectionsEditor protocolId={view.protocol.id} version={version} onClose={done} />}
    </article>
  );
};

/** The protocols between the boards: each one's versions, partner comments, sign-off and circulation. */
export const ProtocolsScreen = () => {
  const styles = useStyles();
  const list = useQuery('protocols:list', {});
  const boards = useQuery('boards:list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const reviewer = useReviewer();
  if (list.state.status === 'loading') return <Spinner label="Loading protocols…" />;
  if (list.state.status === 'error') return <ErrorBar title="The protocols could not be loaded" error={list.state.error} />;
  const protocols = list.state.value;
  const selected = chosen && protocols.some((p) => p.id === chosen) ? chosen : (protocols[0]?.id ?? null);
  return (
    <>
      <div className={styles.head}>
        <Title1 as="h1">Protocols</Title1>
        {!reviewer && (
          <Button onClick={() => setCreating(true)} disabled={boards.state.status !== 'ready' || boards.state.value.length < 2}>
            New protocol…
          </Button>
        )}
        {!reviewer && boards.state.status === 'ready' && boards.state.value.length < 2 && (
          <FirstDo to={{ area: 'people', tab: 'boards' }} link="Add a board">
            A protocol is between two or more boards; the partnership has {boards.state.value.length === 0 ? 'none' : 'one'} yet.
          </FirstDo>
        )}
      </div>
      <div className={styles.layout}>
        <nav aria-label="Protocols">
          <ul className={styles.list}>
            {protocols.map((p) => (
              <li key={p.id}>
                <Button appearance="subtle" className={mergeClasses(styles.entry, p.id === selected && styles.current)} aria-current={p.id === selected ? 'page' : undefined} onClick={() => setChosen(p.id)}>
                  <span>
                    {p.title}
                    <br />
                    <Text size={200} className={styles.muted}>
                      Version {p.version}, {p.status}
                    </Text>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
          {protocols.length === 0 && <Text>No protocols yet.</Text>}
        </nav>
        <div>{selected && <ProtocolDetail key={selected} protocolId={selected} />}</div>
      </div>
      {creating && boards.state.status === 'ready' && (
        <NewProtocolDialog
          boards={boards.state.value}
          onClose={(id) => {
            setCreating(false);
            if (id) setChosen(id);
          }}
        />
      )}
    </>
  );
};
