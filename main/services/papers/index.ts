import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { MARKDOWN_MAX } from '../../../shared/schema/common';
import { QuorumFailure } from '../../../shared/result';
import { describeReviewMarks, reviewMarksIn, type ReviewMarksChoice } from './wordParts';
import { unzipChecked } from '../../../shared/zip';
import { fileSlug } from './imageFiles';
import { markdownFileToMarkdown } from './markdownFile';

/**
 * The Word reader (mammoth, turndown, a DOM) loads when a Word paper is first imported, not with
 * every \`quorum\` command or window: it is a fifth of the CLI's start-up time.
 */
const wordReader = () => import('./docx');

export const PAPER_EXTENSIONS = ['docx', 'md', 'markdown', 'txt'] as const;
/** Larger than any board paper with pictures; stops a mis-picked video from filling memory. */
const MAX_SOURCE_BYTES = 100 * 1024 * 1024;

export type PaperImport = { body: string; sourceFile: string; images: string[]; notes: string[] };

/** Reads a Word or Markdown paper into Markdown, keeping its pictures in `<dataDir>/images/`. Nothing is stored yet. */
export const readPaperFile = async (file: string, dataDir: string, opts: { reviewMarks?: ReviewMarksChoice } = {}): Promise<PaperImport> => {
  const fileName = basename(file);
  const ext = extname(file).slice(1).toLowerCase();
  if (ext === 'doc') throw new QuorumFailure('invalid-input', `${fileName} is an older Word file (.doc). Open it in Word and save it as a Word Document (.docx).`);
  if (!(PAPER_EXTENSIONS as readonly string[]).includes(ext))
    throw new QuorumFailure('invalid-input', `${fileName} is not a paper Quorum can import: choose a Word document (.docx) or a Markdown file (.md).`);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new QuorumFailure('not-found', `${fileName} could not be found or opened.`);
  }
  if (size > MAX_SOURCE_BYTES) throw new QuorumFailure('invalid-input', `${fileName} is ${Math.round(size / 1024 / 1024)} MB; a paper must be under 100 MB.`);
  if (size === 0) throw new QuorumFailure('invalid-input', `${fileName} is empty.`);
  const bytes = readFileSync(file);
  const slug = fileSlug(fileName);
  const { markdown, notes, images } = ext === 'docx' ? await (await wordReader()).docxToMarkdown(bytes, dataDir, slug, fileName, opts.reviewMarks) : markdownFileToMarkdown(bytes, file, dataDir, slug, fileName);
  if (!markdown.trim()) throw new QuorumFailure('invalid-input', `${fileName} has no text to import.`);
  if (markdown.length > MARKDOWN_MAX) throw new QuorumFailure('invalid-input', `${fileName} is too long for one paper (over ${MARKDOWN_MAX.toLocaleString('en-GB')} characters once converted).`);
  return { body: markdown, sourceFile: fileName, images, notes };
};

/**
 * Tracked changes and comments still in a Word paper, described for the officer ("2 tracked
 * changes and 1 comment (by …)"), or null when there are none or the file is not a .docx. Asked
 * before importing, so the officer chooses what becomes of them.
 */
export const paperReviewMarks = (file: string): string | null => {
  if (extname(file).toLowerCase() !== '.docx') return null;
  try {
    const parts = unzipChecked(readFileSync(file), (name) => name === 'word/document.xml' || name === 'word/comments.xml', basename(file));
    const marks = reviewMarksIn(parts);
    return marks.insertions + marks.deletions + marks.comments > 0 ? describeReviewMarks(marks) : null;
  } catch {
    // A file that cannot be read says so properly when it is imported.
    return null;
  }
};
