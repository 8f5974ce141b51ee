import { readFileSync } from 'node:fs';
import type { Adapter } from 'lowdb';
import { writeFileAtomic } from './atomicFile';

/**
 * lowdb adapter that writes durably (temp file, fsync, rename, fsync folder) and reads the raw
 * text without judging it: the store decides whether it is valid, and quarantines it if not.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    return this.readSync();
  }

  readSync(): T | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  async write(data: T): Promise<void> {
    this.writeSync(data);
  }

  /** Synchronous so a failure (ENOSPC, EPERM) reaches the caller before it acknowledges a save. */
  writeSync(data: T): void {
    writeFileAtomic(this.file, serializeChunks(data));
  }
}

/**
 * Each record's JSON (as UTF-8, with its key), kept for as long as the record object lives.
 * Commands replace only the records they change (shared/features/context.ts ChangeSet), so a save
 * encodes those and writes the rest from the cache, without building one multi-megabyte string:
 * a one-field edit on ten years of records stays within the save budget (issue: p95 ≤ 30 ms).
 */
const recordBytes = new WeakMap<object, Buffer>();
const encoded = (id: string, record: object): Buffer => {
  let bytes = recordBytes.get(record);
  if (bytes === undefined) {
    bytes = Buffer.from(`${JSON.stringify(id)}:${JSON.stringify(record)}`, 'utf8');
    recordBytes.set(record, bytes);
  }
  return bytes;
};

const COMMA = Buffer.from(',');

/** The bytes of JSON.stringify(data), in pieces: a `records` map last in the object comes record by record from the cache. */
export const serializeChunks = (data: unknown): Buffer[] => {
  const keys = data && typeof data === 'object' ? Object.keys(data) : [];
  if (keys.at(-1) !== 'records') return [Buffer.from(JSON.stringify(data), 'utf8')];
  const { records, ...rest } = data as { records: Record<string, object> };
  const head = JSON.stringify(rest);
  const chunks: Buffer[] = [Buffer.from(`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"records":{`, 'utf8')];
  let first = true;
  for (const [id, record] of Object.entries(records)) {
    if (!first) chunks.push(COMMA);
    chunks.push(encoded(id, record));
    first = false;
  }
  chunks.push(Buffer.from('}}'));
  return chunks;
};

/** JSON.stringify(data), from the same pieces (for tests and small files). */
export const serialize = (data: unknown): string => Buffer.concat(serializeChunks(data)).toString('utf8');
