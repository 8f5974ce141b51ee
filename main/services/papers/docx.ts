import mammoth from 'mammoth';
import { QuorumFailure } from '../../../shared/result';
import { htmlToMarkdown, UNSUPPORTED_IMAGE, type HtmlConversion } from './html';
import { saveImage } from './imageFiles';
import { checkZipPackage, unzipChecked } from '../../../shared/zip';
import { wordBodyWithinLimits } from './wordLimits';
import { describeReviewMarks, fillTableGrid, joinDropCaps, numberedParagraphs, reviewMarksIn, settleReviewMarks, type ReviewMarksChoice } from './wordParts';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const WORD_PARTS = ['word/document.xml', 'word/numbering.xml', 'word/styles.xml', 'word/comments.xml'];

/** The same package with its document.xml replaced (every part already judged by checkZipPackage). */
const withDocumentXml = (bytes: Uint8Array, documentXml: string): Uint8Array => {
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(documentXml);
  return zipSync(files);
};

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
/** OLE2 compound file: a Word 97–2003 .doc, or a .docx protected with a password (Word encrypts it into OLE2). */
const isOle = (b: Uint8Array) => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** mammoth notes worth showing; "Unrecognised paragraph style" is routine for any house template. */
const meaningful = (m: { type: string; message: string }) => m.type === 'error' || !/^Unrecognised (paragraph|run|table) style/i.test(m.message);

type ConvertImage = NonNullable<Parameters<typeof mammoth.convertToHtml>[1]>['convertImage'];

/**
 * A Word document to Markdown, for a paper and for terms of reference alike: judged before
 * anything is inflated (shared/zip.ts) and before mammoth builds it (wordLimits.ts), its review
 * marks settled and its tables' rows filled out to their grid, then read by mammoth, which keeps
 * the structure (headings, lists, tables, links), and by htmlToMarkdown with Word's own numbers.
 * `what` names the document in the officer's words ("paper", "terms of reference").
 */
export const readWordDocument = async (
  bytes: Uint8Array,
  fileName: string,
  what: string,
  opts: { reviewMarks?: ReviewMarksChoice; convertImage?: ConvertImage; leavePicturesOut?: boolean; maxTextChars?: number } = {},
): Promise<HtmlConversion> => {
  const reviewMarks = opts.reviewMarks ?? 'accept';
  if (isOle(bytes))
    throw new QuorumFailure('invalid-input', `${fileName} is an older Word file (.doc) or is protected with a password. Open it in Word, remove any password, and save it as a Word Document (.docx).`);
  if (!isZip(bytes)) throw new QuorumFailure('invalid-input', `${fileName} is not a Word document: it does not have the .docx file structure. It may be damaged or renamed from another format.`);
  // Judged before mammoth inflates anything: every part's declared and actual size (shared/zip.ts).
  checkZipPackage(bytes, () => true, fileName);
  const parts = unzipChecked(bytes, (name) => WORD_PARTS.includes(name), fileName);
  const original = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
  // Refused here, in words and in seconds, what mammoth could not build inside 512 MiB (wordLimits.ts).
  const documentXml = wordBodyWithinLimits(original, fileName, what, opts.maxTextChars);
  const marks = reviewMarksIn(parts, documentXml);
  const changes = marks.insertions + marks.deletions;
  // Review marks are settled in document.xml before mammoth reads it (it would drop deletions and comments silently),
  // and each table's rows filled out to its grid (it would shift values after a skipped column).
  const settled = changes || marks.comments ? settleReviewMarks(documentXml, parts['word/comments.xml'] ? strFromU8(parts['word/comments.xml']) : undefined, reviewMarks) : documentXml;
  const grid = fillTableGrid(joinDropCaps(settled));
  const source = grid.xml !== original ? withDocumentXml(bytes, grid.xml) : bytes;
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    // Left out, a picture is never inflated: its src is empty and the <img> goes.
    const convertImage = opts.leavePicturesOut ? mammoth.images.imgElement(async () => ({ src: '' })) : opts.convertImage;
    result = await mammoth.convertToHtml({ buffer: Buffer.from(source) }, convertImage ? { convertImage } : {});
    if (opts.leavePicturesOut) result.value = result.value.replace(/<img[^>]*>/g, '');
  } catch (err) {
    throw new QuorumFailure('invalid-input', `${fileName} could not be read as a Word document (${(err as Error).message.replace(/\s+/g, ' ').slice(0, 200)}). Open it in Word and save it again as .docx.`);
  }
  const conversion = htmlToMarkdown(result.value, numberedParagraphs(parts, documentXml));
  // Say what became of the review marks, so an officer does not publish changes nobody agreed or miss a reviewer's question.
  if (changes || marks.comments) {
    const had = `The ${what} had ${describeReviewMarks(marks)}.`;
    conversion.notes.push(
      reviewMarks === 'accept'
        ? `${had} ${changes ? 'The changes were accepted, as Word’s Accept All would. ' : ''}${marks.comments ? 'The comments were left out. ' : ''}If they were not agreed, ask the author for a final copy and import that.`
        : `${had} They were kept: deleted text is struck through${marks.comments ? ' and each comment is in square brackets where it was made, “[Comment, …]”' : ''}. Settle them with the author and take them out before the pack goes out.`,
    );
  }
  const tables = (list: number[]) => (list.length === 1 ? `Table ${list[0]}` : `Tables ${list.slice(0, -1).join(', ')} and ${list.at(-1)}`);
  if (grid.changes.skippedColumns.length)
    conversion.notes.push(`${tables(grid.changes.skippedColumns)} ${grid.changes.skippedColumns.length === 1 ? 'has' : 'have'} rows that begin or end with columns left blank in Word; they are now empty cells, so each value stays in its own column.`);
  if (grid.changes.hiddenMergedText.length)
    conversion.notes.push(`${tables(grid.changes.hiddenMergedText)} ${grid.changes.hiddenMergedText.length === 1 ? 'has' : 'have'} a merged cell with text in its lower part, and that text is kept, in a cell of its own. Check ${grid.changes.hiddenMergedText.length === 1 ? 'the table reads' : 'the tables read'} correctly.`);
  // A picture linked from a file on the author's computer (a:blip/@r:link, ECMA-376 §20.1.8.13) is not in the document at all.
  const linked = result.messages.flatMap((m) => /could not read external image '([^']*)'/.exec(m.message)?.[1] ?? []).map((target) => target.split(/[\\/]/).pop() || target);
  const howToEmbed = 'In Word, choose File > Info > Edit Links to Files and tick “Save picture in document”, or insert the picture itself, then save and import again.';
  if (linked.length && !conversion.markdown.trim())
    throw new QuorumFailure(
      'invalid-input',
      `${fileName} holds only ${linked.length === 1 ? 'a picture' : `${linked.length} pictures`} linked from a file on the author’s computer (${linked.slice(0, 3).join(', ')}), not the picture itself, so there is nothing to import. ${howToEmbed}`,
    );
  if (linked.length)
    conversion.notes.push(`${linked.length === 1 ? 'A picture is' : `${linked.length} pictures are`} linked from a file on the author’s computer (${linked.slice(0, 3).join(', ')}) rather than kept in the ${what}, so ${linked.length === 1 ? 'it is' : 'they are'} not in the pack. ${howToEmbed}`);
  const odd = result.messages.filter((m) => meaningful(m) && !/could not read external image/.test(m.message));
  if (odd.length) conversion.notes.push(`Word reported ${odd.length} thing${odd.length === 1 ? '' : 's'} it could not carry over, e.g. “${odd[0].message.slice(0, 160)}”.`);
  return conversion;
};

/**
 * A Word paper to Markdown, each picture kept as a file in `images/` with the alt text from
 * Word's "Alt Text" (`wp:docPr/@descr`).
 */
export const docxToMarkdown = async (bytes: Buffer, dataDir: string, slug: string, fileName: string, reviewMarks: ReviewMarksChoice = 'accept'): Promise<HtmlConversion & { images: string[] }> => {
  const images: string[] = [];
  const conversion = await readWordDocument(bytes, fileName, 'paper', {
    reviewMarks,
    convertImage: mammoth.images.imgElement(async (image) => {
      const saved = saveImage(dataDir, await image.readAsBuffer(), slug, image.contentType);
      if ('unsupported' in saved) return { src: `${UNSUPPORTED_IMAGE}${saved.unsupported}` };
      images.push(saved.path);
      return { src: saved.path };
    }),
  });
  return { ...conversion, images: [...new Set(images)] };
};
