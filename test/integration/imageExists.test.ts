import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageExists } from '../../main/services/packs';
import { tempDir } from '../helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'images', 'charts'), { recursive: true });
  mkdirSync(join(dir, 'images-old'));
  writeFileSync(join(dir, 'images', 'chart.png'), 'png');
  writeFileSync(join(dir, 'images-old', 'chart.png'), 'png');
  writeFileSync(join(dir, 'quorum.json'), '{}');
});
afterEach(() => cleanup());

describe('a paper’s picture, as the pre-flight looks for it', () => {
  it('is found only as a file in the data folder’s images folder, never beside or outside it', () => {
    const exists = imageExists(dir);
    expect(exists('images/chart.png')).toBe(true);
    expect(exists('images/missing.png')).toBe(false);
    expect(exists('images/charts')).toBe(false); // a folder, not a picture
    expect(exists('images/../images-old/chart.png')).toBe(false); // a sibling whose name starts alike
    expect(exists('images/../quorum.json')).toBe(false);
    expect(exists('../chart.png')).toBe(false);
  });

  it('is looked up once for a pre-flight, however many papers show it', () => {
    const exists = imageExists(dir);
    expect(exists('images/late.png')).toBe(false);
    writeFileSync(join(dir, 'images', 'late.png'), 'png');
    expect(exists('images/late.png')).toBe(false);
    // The next pre-flight, a new checker, sees the picture added since.
    expect(imageExists(dir)('images/late.png')).toBe(true);
  });
});
