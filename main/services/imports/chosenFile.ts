import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { QuorumFailure } from '../../../shared/result';

/**
 * A file the officer chose to import, read whole once its size is judged: an empty file, a missing
 * one and one far larger than any such document (a mis-picked video) are refused by name before
 * anything parses them.
 */
export const readChosenFile = (file: string, maxBytes: number, what: string): { fileName: string; bytes: Buffer } => {
  const fileName = basename(file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new QuorumFailure('not-found', `${fileName} could not be found or opened.`);
  }
  if (size === 0) throw new QuorumFailure('invalid-input', `${fileName} is empty.`);
  if (size > maxBytes) throw new QuorumFailure('invalid-input', `${fileName} is ${Math.round(size / 1024 / 1024)} MB; ${what} must be under ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  return { fileName, bytes: readFileSync(file) };
};
