import { useState } from 'react';
import { ReturnFocus } from '../../components/ReturnFocus';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { AgendaLine, PaperImportOutcome } from '@shared/views';
import { filledInWords } from '@shared/imports/coverSheetFromPaper';
import { PURPOSE_LABEL, type PackVariant } from '@shared/pack/model';
import type { QuorumError } from '@shared/result';
import { bridge } from '../../bridge';
import { ReviewMarksChoice, type ReviewMarksAnswer } from '../../components/ReviewMarksChoice';
import { ErrorBar } from '../../components/ErrorBar';
import { formatUkDate } from '../../format';
import { CoverSheetDialog } from '../../components/CoverSheetDialog';
import { PartTwoDialog } from '../../components/PartTwoDialog';
import { ClearanceBadges, ClearanceDialog } from '../../components/ClearanceDialog';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  focused: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  notes: { margin: '4px 0 0', paddingLeft: '20px' },
});

export const rowId = (agendaItemId: string) => `agenda-row-${agendaItemId.replace(/[^A-Za-z0-9-]/g, '-')}`;

const paperBadge = (line: AgendaLine) => {
  const p = line.paper;
  if (!p || p.status === 'not-needed') return <Text className={undefined}>No paper</Text>;
  if (p.status === 'received' && p.bodyCharacters > 0)
    return (
      <Badge appearance="tint" color="success">
        Received{p.receivedOn ? ` ${formatUkDate(p.receivedOn)}` : ''}
      </Badge>
    );
  return (
    <Badge appearance="tint" color="warning">
      Requested{p.author ? ` from ${p.author}` : ''}
    </Badge>
  );
};

type Editing = { kind: 'cover' | 'part2' | 'replace' | 'clearance'; line: AgendaLine } | null;

/** The meeting's agenda with each paper's state, and the actions that put pre-flight problems right. */
export const AgendaPapers = ({ agenda, highlight, onChanged, meetingId, variant }: { agenda: readonly AgendaLine[]; highlight: string | null; onChanged: () => void; meetingId: string; variant: PackVariant }) => {
  const styles = useStyles();
  const [printing, setPrinting] = useState<string | null>(null);
  const [printed, setPrinted] = useState<string | null>(null);
  const [errorTitle, setErrorTitle] = useState('The paper was not imported');
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ title: string; result: Extract<PaperImportOutcome, { imported: true }> } | null>(null);
  const [error, setError] = useState<QuorumError | null>(null);
  const [asking, setAsking] = useState<{ line: AgendaLine; replace: boolean; sourceFile: string; marks: string } | null>(null);

  const importPaper = async (line: AgendaLine, replace: boolean, reviewMarks?: ReviewMarksAnswer) => {
    setEditing(null);
    setError(null);
    setErrorTitle('The paper was not imported');
    setOutcome(null);
    setAsking(null);
    setBusy(line.id);
    const r = await bridge().paper.import({ agendaItemId: line.id, replace, ...(reviewMarks ? { reviewMarks } : {}) });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    if (!r.value.imported && 'reviewMarks' in r.value) return setAsking({ line, replace, sourceFile: r.value.sourceFile, marks: r.value.reviewMarks });
    if (r.value.imported) {
      setOutcome({ title: line.title, result: r.value });
      onChanged();
    }
  };
  /** One item's paper (cover sheet, report, briefing) as a PDF of its own, to send or print. */
  const printItem = async (line: AgendaLine) => {
    setError(null);
    setErrorTitle('The PDF was not saved');
    setPrinted(null);
    setPrinting(line.id);
    try {
      const r = await bridge().pack.build({ meetingId, variant, taskId: `print-${crypto.randomUUID()}`, format: 'pdf', items: [line.number] });
      if (!r.ok) return setError(r.error);
      setPrinted(r.value.saved ? `Item ${line.number} saved as ${r.value.file}.` : r.value.reason);
      if (r.value.saved) onChanged();
    } finally {
      setPrinting(null);
    }
  };
  const close = (saved: boolean) => {
    setEditing(null);
    if (saved) onChanged();
  };

  return (
    <>
      <ErrorBar title={errorTitle} error={error} />
      {printed && (
        <MessageBar intent="info">
          <MessageBarBody>{printed}</MessageBarBody>
        </MessageBar>
      )}
      {asking && <ReviewMarksChoice sourceFile={asking.sourceFile} marks={asking.marks} onChoose={(answer) => importPaper(asking.line, asking.replace, answer)} onCancel={() => setAsking(null)} />}
      {outcome && (
        <MessageBar intent={outcome.result.notes.length ? 'warning' : 'success'}>
          <MessageBarBody>
            <MessageBarTitle>Imported {outcome.result.sourceFile}</MessageBarTitle>
            The paper for “{outcome.title}” is in ({outcome.result.characters.toLocaleString('en-GB')} characters, {outcome.result.images} picture{outcome.result.images === 1 ? '' : 's'}).
            {outcome.result.coverFilled.length > 0 && <> The cover sheet’s {filledInWords(outcome.result.coverFilled)} came from the paper’s own sections: check them on the cover sheet.</>}
            {outcome.result.notes.length > 0 && (
              <ul className={styles.notes}>
                {outcome.result.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <Table aria-label="Agenda and papers" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '48px' }}>No.</TableHeaderCell>
            <TableHeaderCell>Item</TableHeaderCell>
            <TableHeaderCell style={{ width: '240px' }}>Paper</TableHeaderCell>
            <TableHeaderCell style={{ width: '340px' }}>Put right</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {agenda.map((line) => (
            <TableRow key={line.id} id={rowId(line.id)} tabIndex={-1} className={highlight === line.id ? styles.focused : undefined} aria-label={`Item ${line.number}: ${line.title}`}>
              <TableCell>{line.number}</TableCell>
              <TableCell>
                <Text weight="semibold">{line.title}</Text>
                <br />
                <Text size={200} className={styles.muted}>
                  {PURPOSE_LABEL[line.purpose]}
                  {line.part2 ? ` · Part 2, Schedule 12A paragraph ${line.part2.paragraph}${line.part2.publicTitle ? `; in public “${line.part2.publicTitle}”` : ''}` : ''}
                </Text>
              </TableCell>
              <TableCell>
                {paperBadge(line)}
                <br />
                <ClearanceBadges line={line} />
              </TableCell>
              <TableCell>
                {!line.standing && (
                  <div className={styles.actions}>
                    <Button size="small" disabled={busy === line.id} onClick={() => (line.paper?.bodyCharacters ? setEditing({ kind: 'replace', line }) : importPaper(line, false))} aria-label={`${line.paper?.bodyCharacters ? 'Replace' : 'Import'} paper for item ${line.number}`}>
                      {busy === line.id ? 'Importing…' : line.paper?.bodyCharacters ? 'Replace paper…' : 'Import paper…'}
                    </Button>
                    <Button size="small" onClick={() => setEditing({ kind: 'cover', line })} aria-label={`Edit the cover sheet of item ${line.number}`}>
                      Cover sheet…
                    </Button>
                    <Button size="small" onClick={() => setEditing({ kind: 'part2', line })} aria-label={`Part 2 settings of item ${line.number}`}>
                      Part 2…
                    </Button>
                    {line.clearance.needs.length > 0 && line.paper?.status === 'received' && (
                      <Button size="small" onClick={() => setEditing({ kind: 'clearance', line })} aria-label={`Clearance of item ${line.number}`}>
                        Clearance…
                      </Button>
                    )}
                    {line.paper?.status === 'received' && line.paper.bodyCharacters > 0 && !(line.part2 && variant === 'public') && (
                      <Button size="small" disabled={printing !== null} onClick={() => printItem(line)} aria-label={`Save item ${line.number}’s paper as PDF`}>
                        {printing === line.id ? 'Saving PDF…' : 'PDF…'}
                      </Button>
                    )}
                  </div>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing?.kind === 'cover' && <CoverSheetDialog line={editing.line} onClose={close} />}
      {editing?.kind === 'part2' && <PartTwoDialog line={editing.line} onClose={close} />}
      {editing?.kind === 'clearance' && <ClearanceDialog line={editing.line} onClose={(summary) => close(Boolean(summary))} />}
      {editing?.kind === 'replace' && (
        <Dialog open modalType="alert" onOpenChange={(_e, d) => !d.open && setEditing(null)}>
          <DialogSurface>
            <ReturnFocus />
            <DialogBody>
              <DialogTitle>Replace the paper for item {editing.line.number}?</DialogTitle>
              <DialogContent>
                “{editing.line.title}” already has a paper{editing.line.paper?.receivedOn ? `, received ${formatUkDate(editing.line.paper.receivedOn)}` : ''}. The file you choose will replace its text; the cover sheet stays. The old text remains in the backups in Settings.
              </DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => importPaper(editing.line, true)}>
                  Choose the new file…
                </Button>
                <Button onClick={() => setEditing(null)}>Keep the current paper</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </>
  );
};
