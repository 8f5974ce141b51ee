import { basename, extname } from 'node:path';
import mammoth from 'mammoth';
import { QuorumFailure } from '../../../shared/result';
import { checkZipPackage } from '../../../shared/zip';
import { MARKDOWN_MAX } from '../../../shared/schema/common';
import { htmlToMarkdown } from '../papers/html';
import { readChosenFile } from './chosenFile';

/**
 * A ToR in Word, read to Markdown (headings, lists and tables kept) for shared/imports/tor.ts to
 * sort into the ToR's fields. Pictures are left behind: a ToR's are a logo at most, and a preview
 * writes nothing into the data folder.
 */
const MAX_DOC_BYTES = 50 * 1024 * 1024;
const isOle = (b: Uint8Array) => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export type TorDocument = { sourceFile: string; markdown: string; notes: string[] };

export const readTorDocument = async (file: string): Promise<TorDocument> => {
  const fileName = basename(file);
  const ext = extname(file).slice(1).toLowerCase();
  if (ext === 'doc') throw new QuorumFailure('invalid-input', `${fileName} is an older Word file (.doc). Open it in Word and save it as a Word Document (.docx).`);
  if (ext !== 'docx') throw new QuorumFailure('invalid-input', `${fileName} is not a Word document: choose the terms of reference saved as .docx.`);
  const { bytes } = readChosenFile(file, MAX_DOC_BYTES, 'terms of reference');
  if (isOle(bytes)) throw new QuorumFailure('invalid-input', `${fileName} is protected with a password or is an older Word file. Open it in Word, remove any password, and save it as a Word Document (.docx).`);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new QuorumFailure('invalid-input', `${fileName} is not a Word document: it does not have the .docx file structure.`);
  checkZipPackage(bytes, () => true, fileName);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })).value;
  } catch (err) {
    throw new QuorumFailure('invalid-input', `${fileName} could not be read as a Word document (${(err as Error).message.replace(/\s+/g, ' ').slice(0, 160)}).`);
  }
  const { markdown, notes } = htmlToMarkdown(html.replace(/<img[^>]*>/g, ''));
  if (!markdown.trim()) throw new QuorumFailure('invalid-input', `${fileName} has no text to import.`);
  if (markdown.length > MARKDOWN_MAX) throw new QuorumFailure('invalid-input', `${fileName} is too long for terms of reference.`);
  return { sourceFile: fileName, markdown, notes };
};
