import { basename, extname } from 'node:path';
import { QuorumFailure } from '../../../shared/result';
import { readChosenFile } from './chosenFile';

/**
 * A ToR in Word, read to Markdown (headings, lists and tables kept) for shared/imports/tor.ts to
 * sort into the ToR's fields. Pictures are left behind: a ToR's are a logo at most, and a preview
 * writes nothing into the data folder.
 */
const MAX_DOC_BYTES = 50 * 1024 * 1024;
/** Terms of reference run to a few pages; 60 pages of text is more than any, and keeps the sorting into fields quick. */
const TOR_MAX_CHARS = 200_000;

export type TorDocument = { sourceFile: string; markdown: string; notes: string[] };

export const readTorDocument = async (file: string): Promise<TorDocument> => {
  const fileName = basename(file);
  const ext = extname(file).slice(1).toLowerCase();
  if (ext === 'doc') throw new QuorumFailure('invalid-input', `${fileName} is an older Word file (.doc). Open it in Word and save it as a Word Document (.docx).`);
  if (ext !== 'docx') throw new QuorumFailure('invalid-input', `${fileName} is not a Word document: choose the terms of reference saved as .docx.`);
  const { bytes } = readChosenFile(file, MAX_DOC_BYTES, 'terms of reference');
  // The paper import's reader, limits and all; pictures are left behind.
  const { markdown, notes } = await (await import('../papers/docx')).readWordDocument(bytes, fileName, 'terms of reference', { leavePicturesOut: true, maxTextChars: TOR_MAX_CHARS });
  if (!markdown.trim()) throw new QuorumFailure('invalid-input', `${fileName} has no text to import.`);
  return { sourceFile: fileName, markdown, notes };
};
