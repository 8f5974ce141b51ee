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
    writeFileAtomic(this.file, JSON.stringify(data));
  }
}
