import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync, constants } from 'node:fs';
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
export const writeFileAtomic = (file: string, contents: string | Uint8Array): void => {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o600);
    const buf = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
    let offset = 0;
    while (offset < buf.length) offset += writeSync(fd, buf, offset, buf.length - offset);
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

/** Appends one line durably (journal entries). */
export const appendLineDurably = (file: string, line: string): void => {
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, line.endsWith('\n') ? line : `${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};
