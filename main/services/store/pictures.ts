import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreData } from '../../../shared/data';

/** A Markdown picture link into the data folder: `](images/chart-1a2b3c4d5e6f.png)`, `](<./images/…>)`. */
const PICTURE_LINK = /\]\(\s*<?(?:\.\/)?(images\/[A-Za-z0-9][A-Za-z0-9._-]{0,120}\.(?:png|jpe?g|gif|bmp))/gi;

const strings = function* (value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
};

/** Every picture file the records refer to (papers, minutes, briefings: any Markdown field). */
export const picturesReferenced = (records: StoreData['records']): string[] => {
  const found = new Set<string>();
  for (const record of Object.values(records))
    for (const text of strings(record)) if (text.includes('](')) for (const m of text.matchAll(PICTURE_LINK)) found.add(m[1]);
  return [...found].sort();
};

/** The hash a picture's name carries (main/services/papers/imageFiles.ts names them `<slug>-<12 hex of SHA-256>.<ext>`). */
const namedHash = (path: string) => /-([0-9a-f]{12})\.[a-z]+$/i.exec(path)?.[1];

/**
 * The pictures the records refer to that the folder does not hold intact: missing, or (where the
 * name carries the content's hash, as every imported picture's does) with other bytes.
 */
export const missingPictures = (dataDir: string, records: StoreData['records']): string[] =>
  picturesReferenced(records).filter((path) => {
    const file = join(dataDir, path);
    if (!existsSync(file) || !statSync(file).isFile()) return true;
    const hash = namedHash(path);
    return hash !== undefined && createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12) !== hash;
  });
