/**
 * npm run gen -- --years 10 --out DIR [--seed N]
 * A busy partnership over many years (shared/example/generate.ts) in an empty data folder, with the
 * chart pictures its papers show, for the benchmarks and the soak test.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync, crc32 } from 'node:zlib';
import { QuorumStore } from '../main/services/store/store';
import { loadGenerated } from '../main/services/example';
import { GENERATED_IMAGES } from '../shared/example/generate';
import { countRecords } from '../shared/data';

/** A plain PNG chart-sized picture: a few coloured bars, built by hand (no image library needed). */
const barChartPng = (width: number, height: number, seed: number): Buffer => {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const bar = Math.floor(x / (width / 8));
      const top = height - ((bar * 37 + seed * 53) % (height - 20)) - 10;
      const on = y > top && x % Math.floor(width / 8) > 6;
      row.set(on ? [31, 78, 121] : [255, 255, 255], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
};

const { values } = parseArgs({ options: { years: { type: 'string', default: '10' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
if (!values.out) {
  console.error('Usage: npm run gen -- --years 10 --out DIR [--seed N]');
  process.exit(2);
}
const dir = resolve(values.out);
mkdirSync(dir, { recursive: true });
if (readdirSync(dir).length > 0) {
  console.error(`gen: ${dir} is not empty; choose an empty folder.`);
  process.exit(2);
}
const started = performance.now();
const store = QuorumStore.open(dir, { user: 'generator', device: 'generator' });
await loadGenerated(store, Number(values.years), Number(values.seed));
const counts = countRecords(store.data);
store.close();
mkdirSync(join(dir, 'images'), { recursive: true });
GENERATED_IMAGES.forEach((name, i) => writeFileSync(join(dir, 'images', name), barChartPng(600, 320, i + 1)));
const bytes = statSync(join(dir, 'quorum.json')).size;
console.log(`Generated ${values.years} years in ${dir} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms)`);
for (const [type, n] of Object.entries(counts).sort()) console.log(`  ${type.padEnd(16)} ${n}`);
