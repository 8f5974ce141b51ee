import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, renameSync, rmSync, writeSync, writevSync, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Flushes a folder's entry table so a rename inside it survives a power cut (POSIX only). */
export const fsyncFolder = (folder: string): void => {
  if (process.platform === 'win32') return; // Windows cannot open a directory for fsync; NTFS journals renames.
  const fd = openSync(folder, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Writes a file so that, whatever happens, the path holds either the old bytes or the new ones:
 * a uniquely named temp file beside it, fsync, rename over the target, fsync the folder.
 * (steno, lowdb's writer, skips both fsyncs and shares one temp name between writers.)
 */
export const writeFileAtomic = (file: string, contents: string | Uint8Array | readonly Uint8Array[]): void => {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    if (Array.isArray(contents)) writeAllV(fd, contents as readonly Uint8Array[]);
    else {
      const buf = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : (contents as Uint8Array);
      let offset = 0;
      while (offset < buf.length) offset += writeSync(fd, buf, offset, buf.length - offset);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  fsyncFolder(dirname(file));
};

/**
 * Appends one line durably (journal entries). A write that takes only part of the line (a full
 * disk often says so by a short count, not an error) goes on from where it stopped; if the disk
 * refuses the rest, or the fsync fails, the file is cut back to where it was and the error thrown,
 * so no half line is ever left for the next append to follow.
 */
export const appendLineDurably = (file: string, line: string, write: typeof writeSync = writeSync): void => {
  const bytes = Buffer.from(line.endsWith('\n') ? line : `${line}\n`, 'utf8');
  const fd = openSync(file, 'a', 0o600);
  let size: number | undefined;
  try {
    size = fstatSync(fd).size;
    let offset = 0;
    while (offset < bytes.length) {
      const written = write(fd, bytes, offset, bytes.length - offset);
      // Nothing written and no error: the disk will take no more; say so rather than spin.
      if (written <= 0) throw Object.assign(new Error('No space left on the disk for the journal'), { code: 'ENOSPC' });
      offset += written;
    }
    fsyncSync(fd);
  } catch (err) {
    if (size !== undefined)
      try {
        ftruncateSync(fd, size);
        fsyncSync(fd);
      } catch {
        // Left for the next start, which drops a torn last line (journal.ts dropTornTail).
      }
    throw err;
  } finally {
    closeSync(fd);
  }
};

/** POSIX caps one writev at IOV_MAX (1024) buffers; a short write resumes where it stopped. */
const IOV_MAX = 1024;
const writeAllV = (fd: number, chunks: readonly Uint8Array[]): void => {
  for (let i = 0; i < chunks.length; i += IOV_MAX) {
    let batch = chunks.slice(i, i + IOV_MAX);
    let left = batch.reduce((n, c) => n + c.length, 0);
    while (left > 0) {
      let written = writevSync(fd, batch);
      left -= written;
      // Drop what went out; a partly written buffer continues from its remainder.
      while (written > 0 && batch.length) {
        if (written >= batch[0].length) {
          written -= batch[0].length;
          batch = batch.slice(1);
        } else {
          batch = [batch[0].subarray(written), ...batch.slice(1)];
          written = 0;
        }
      }
    }
  }
};
