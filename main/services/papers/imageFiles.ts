import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { imageInfo } from '../../../shared/pack/markdown/images';
import { writeFileAtomic } from '../store/atomicFile';
import { IMAGES_FOLDER } from '../store/format';

/** A picture bigger than this is refused rather than swelling every pack. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** The formats a Word pack can embed (docx ImageRun); others (EMF, WMF, SVG, TIFF) are reported. */
const EXTENSION = { png: 'png', jpg: 'jpg', gif: 'gif', bmp: 'bmp' } as const;

/** "Q2 Performance Report.docx" → "q2-performance-report": a safe start for image file names. */
export const fileSlug = (name: string): string =>
  name
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'paper';

export type SavedImage = { path: string } | { unsupported: string };

/**
 * Keeps a picture as `images/<slug>-<hash>.<ext>` in the data folder, named by its content so the
 * same chart imported twice is stored once. The type comes from the file's own header, not its name.
 */
export const saveImage = (dataDir: string, bytes: Uint8Array, slug: string, declaredType = ''): SavedImage => {
  const info = imageInfo(bytes);
  if (!info) return { unsupported: declaredType.replace(/^image\/(x-)?/, '').toUpperCase() || 'unknown' };
  if (bytes.length > MAX_IMAGE_BYTES) return { unsupported: `${info.type.toUpperCase()} over 20 MB` };
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const name = `${slug}-${hash}.${EXTENSION[info.type]}`;
  const folder = join(dataDir, IMAGES_FOLDER);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, name);
  if (!existsSync(file) || !readFileSync(file).equals(bytes)) writeFileAtomic(file, bytes);
  return { path: `${IMAGES_FOLDER}/${name}` };
};
