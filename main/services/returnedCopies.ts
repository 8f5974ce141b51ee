import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { StoreData } from '../../shared/data';
import { planReturnedCopy } from '../../shared/protocol/planReturnedCopy';
import { readReturnedCopy } from '../../shared/protocol/returnedCopy';
import { QuorumFailure } from '../../shared/result';

const MAX_BYTES = 100 * 1024 * 1024;

/** Reads a returned Word copy from disk and plans its comments onto the version (nothing stored yet). */
export const readReturnedFile = (file: string, data: StoreData, versionId: string, returnedBy: string, now: string) => {
  const sourceFile = basename(file);
  if (extname(file).toLowerCase() !== '.docx') throw new QuorumFailure('invalid-input', `${sourceFile} is not a Word document (.docx). Ask the partner to save their copy as .docx.`);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new QuorumFailure('not-found', `${sourceFile} could not be found or opened.`);
  }
  if (size > MAX_BYTES) throw new QuorumFailure('invalid-input', `${sourceFile} is over 100 MB; it cannot be a returned copy of the protocol.`);
  const copy = readReturnedCopy(readFileSync(file));
  return { sourceFile, plan: planReturnedCopy(data, versionId, copy, returnedBy, now) };
};
