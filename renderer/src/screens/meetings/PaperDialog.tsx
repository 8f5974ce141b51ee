import { useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { FormDialog } from '../../components/FormDialog';
import type { AgendaItemView } from '@shared/rules/meetingView';
import type { QuorumError } from '@shared/result';
import { bridge, useQuery } from '../../bridge';
import { ErrorBar } from '../../components/ErrorBar';
import { MarkdownField } from '../../components/MarkdownField';
import { ReviewMarksChoice, type ReviewMarksAnswer } from '../../components/ReviewMarksChoice';

/**
 * An item's paper: import it from Word or Markdown, or type or paste its text here. Saving text
 * marks the paper received; the cover sheet and Part 2 have their own dialogs.
 */
export const PaperDialog = ({ item, onClose }: { item: AgendaItemView; onClose: (summary: string | null) => void }) => {
  const { state } = useQuery('paper:get', { agendaItemId: item.id });
  const [body, setBody] = useState<string | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [asking, setAsking] = useState<{ sourceFile: string; marks: string } | null>(null);
  const loaded = state.status === 'ready' ? state.value : null;
  const text = body ?? loaded?.body ?? '';
  const save = async () => {
    if (!loaded) return;
    const r = await bridge().paper.updateBody({ agendaItemId: item.id, body: text, expectedRev: loaded.rev });
    if (r.ok) onClose(r.value.summary);
    else setError(r.error);
  };
  const importFile = async (reviewMarks?: ReviewMarksAnswer) => {
    setError(null);
    setConfirming(false);
    setAsking(null);
    const r = await bridge().paper.import({ agendaItemId: item.id, replace: true, ...(reviewMarks ? { reviewMarks } : {}) });
    if (!r.ok) return setError(r.error);
    if (!r.value.imported && 'reviewMarks' in r.value) return setAsking({ sourceFile: r.value.sourceFile, marks: r.value.reviewMarks });
    if (r.value.imported) {
      setNotes(r.value.notes);
      setBody(null);
      if (r.value.notes.length === 0) onClose(`Imported ${r.value.sourceFile}`);
    }
  };
  return (
    <FormDialog title={`Paper for item ${item.number}: ${item.title}`} errorTitle="The paper was not saved" error={error} saveLabel="Save paper" onSave={save} onClose={() => onClose(null)} saveDisabled={!loaded || body === null} cancelLabel="Close" maxWidth="860px">
      {asking && <ReviewMarksChoice sourceFile={asking.sourceFile} marks={asking.marks} onChoose={(answer) => importFile(answer)} onCancel={() => setAsking(null)} />}
      {notes.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Imported. Check: {notes.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text>Import the author’s Word document or Markdown file, or type or paste the paper below. Headings, lists, tables and links carry into the pack.</Text>
      <div>
        {/* Replacing text already received (or typed here and not saved) is asked about first; the old text stays in the backups. */}
        <Button onClick={() => (loaded?.body || body ? setConfirming(true) : importFile())} disabled={asking !== null}>{loaded?.body ? 'Replace from a file…' : 'Import from a file…'}</Button>
      </div>
      {confirming && (
        <MessageBar intent="warning">
          <MessageBarBody>The file you choose replaces the paper’s text{body !== null ? ', including what you have typed here and not saved' : ''}. The cover sheet stays, and the old text remains in the backups in Settings.</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => importFile()}>
              Choose the new file…
            </Button>
            <Button onClick={() => setConfirming(false)}>Keep the current text</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'loading' && <Spinner label="Loading the paper…" />}
      {state.status === 'error' && <ErrorBar title="The paper could not be loaded" error={state.error} />}
      {loaded && <MarkdownField label={`Text of the paper for item ${item.number}`} value={text} onChange={setBody} />}
    </FormDialog>
  );
};
