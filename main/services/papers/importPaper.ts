import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRecord } from '../../../shared/data';
import { QuorumFailure } from '../../../shared/result';
import type { PartnershipStore } from '../store/partnershipStore';
import { readPaperFile } from './index';
import type { ReviewMarksChoice } from './wordParts';
import { coverSheetFromPaper, fillCoverSheet } from '../../../shared/imports/coverSheetFromPaper';
import { emptyCoverSheet } from '../../../shared/features/packs';

export type PaperImportOutcome = { imported: boolean; sourceFile: string; characters: number; images: number; notes: string[]; title: string; coverFilled: string[] };

/**
 * A Word or Markdown paper onto an agenda item: the app's "Import paper…" and `quorum import
 * paper` both come here. Over a paper already received only when the officer confirmed it
 * (`replace`), since the old text is then only in the backups. A dry run reads the file the same
 * way, into a scratch folder, and writes nothing.
 */
export const importPaperFile = async (
  store: PartnershipStore,
  receivedOn: string,
  input: { agendaItemId: string; file: string; replace?: boolean; dryRun?: boolean; reviewMarks?: ReviewMarksChoice },
): Promise<PaperImportOutcome> => {
  const item = findRecord(store.data, 'agendaItem', input.agendaItemId);
  if (!item) throw new QuorumFailure('not-found', 'That agenda item no longer exists');
  if (item.paper?.body.trim() && !input.replace) throw new QuorumFailure('conflict', `“${item.title}” already has a paper. Confirm that the imported file should replace it.`);
  const scratch = input.dryRun ? mkdtempSync(join(tmpdir(), 'quorum-paper-')) : undefined;
  try {
    const paper = await readPaperFile(input.file, scratch ?? store.dataDir, { reviewMarks: input.reviewMarks });
    // What paper:receiveImported fills in the cover sheet from the paper's own sections, told before (a dry run) and after.
    const { filled } = fillCoverSheet(item.paper?.coverSheet ?? emptyCoverSheet(), coverSheetFromPaper(paper.body));
    if (!input.dryRun) await store.run('paper:receiveImported', { agendaItemId: item.id, body: paper.body, sourceFile: paper.sourceFile, receivedOn, expectedRev: item.rev });
    return { imported: !input.dryRun, sourceFile: paper.sourceFile, characters: paper.body.length, images: paper.images.length, notes: paper.notes, title: item.title, coverFilled: filled };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
};
