import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8, strToU8 } from 'fflate';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, writeZip } from '../../shared/zipWriter';
import { portableCompressor } from '../../shared/zipPortable';
import { nativeCompressor } from '../../main/services/nativeZip';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkZipPackage, listZipEntries, zipInOrder } from '../../shared/zip';
import { buildPack } from '../../shared/pack/build';
import { exampleData, TINY_PNG } from '../docxPackage';
import { TEST_NOW, TEST_TODAY } from '../helpers';

describe('the zip writer', () => {
  it('writes parts once, in order, that any unzipper reads back; pictures stored, text deflated', () => {
    const parts = [
      { name: '[Content_Types].xml', data: strToU8('<Types/>'.repeat(200)) },
      { name: 'word/document.xml', data: strToU8('<w:document>é’</w:document>'.repeat(500)) },
      { name: 'word/media/chart.png', data: TINY_PNG, store: true },
    ];
    for (const compressor of [portableCompressor, nativeCompressor]) {
      // A part's XML as UTF-8, the same bytes whichever encodes it (Buffer.from in main, TextEncoder elsewhere).
      expect([...compressor.encodeText('The board’s “plan”: £5 – agreed, é')]).toEqual([...new TextEncoder().encode('The board’s “plan”: £5 – agreed, é')]);
      const zip = writeZip(parts, compressor);
      const back = unzipSync(zip);
      expect(Object.keys(back)).toEqual(parts.map((p) => p.name));
      for (const p of parts) expect(strFromU8(back[p.name])).toBe(strFromU8(p.data));
      const entries = listZipEntries(zip);
      expect(entries.map((e) => e.method)).toEqual([8, 8, 0]);
      expect(entries[1].compressedSize).toBeLessThan(entries[1].size / 10);
    }
  });

  it('computes the same CRC-32 as zlib', () => {
    for (const s of ['', 'a', 'The board noted the report.', 'é’€'.repeat(1000)]) expect(crc32(strToU8(s))).toBe(zlibCrc32(strToU8(s)));
  });

  it('zips a pack once with Node’s zlib, [Content_Types].xml first, with the language and build time in its properties', async () => {
    const input = { meetingId: 'meeting:ct-next', variant: 'full' as const, today: TEST_TODAY, builtAt: TEST_NOW, images: {}, compressor: nativeCompressor };
    const a = (await buildPack(exampleData(TEST_TODAY), input)).bytes;
    expect(listZipEntries(a)[0].name).toBe('[Content_Types].xml');
    expect(strFromU8(unzipSync(a)['docProps/core.xml'])).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${TEST_NOW}</dcterms:created>`);
    expect(strFromU8(unzipSync(a)['docProps/core.xml'])).toContain('<dc:language>en-GB</dc:language>');
  });

  it('carries each picture’s own bytes into its media part, once however often a paper uses it', async () => {
    const data = exampleData(TEST_TODAY);
    const item = data.records['agendaItem:next-4'];
    if (item.type !== 'agendaItem' || !item.paper) throw new Error('the example changed');
    const body = `${item.paper.body}\n\n![Caseloads](images/caseloads.png)\n\n![Caseloads again](images/caseloads.png)\n`;
    const withPictures = { records: { ...data.records, [item.id]: { ...item, paper: { ...item.paper, body } } } };
    const { bytes } = await buildPack(withPictures, { meetingId: 'meeting:ct-next', variant: 'full', today: TEST_TODAY, builtAt: TEST_NOW, images: { 'images/caseloads.png': TINY_PNG }, compressor: nativeCompressor });
    const files = unzipSync(bytes);
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(Buffer.from(files[media[0]]).equals(Buffer.from(TINY_PNG))).toBe(true);
    expect((strFromU8(files['word/document.xml']).match(/<pic:pic\b/g) ?? []).length).toBe(2);
  });

  it('stores a package’s parts in another order byte for byte, for a reader that reads them as stored', () => {
    const parts = [
      { name: '[Content_Types].xml', data: strToU8('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: strToU8('<worksheet>Row</worksheet>'.repeat(300)) },
      { name: 'xl/sharedStrings.xml', data: strToU8('<sst>Name</sst>'.repeat(50)) },
      { name: 'xl/media/logo.png', data: TINY_PNG, store: true },
      { name: 'xl/workbook.xml', data: strToU8('<workbook/>') },
    ];
    const zip = writeZip(parts, portableCompressor);
    const rank = (name: string) => (name === 'xl/workbook.xml' || name === 'xl/sharedStrings.xml' ? 0 : name.startsWith('xl/worksheets/') ? 2 : 1);
    const reordered = zipInOrder(zip, checkZipPackage(zip, () => true, 'Members.xlsx', 'Excel'), rank);
    const expected = ['xl/sharedStrings.xml', 'xl/workbook.xml', '[Content_Types].xml', 'xl/media/logo.png', 'xl/worksheets/sheet1.xml'];
    // The central directory and the stored order both say so, and each part is what it was.
    expect(listZipEntries(reordered).map((e) => e.name)).toEqual(expected);
    expect([...listZipEntries(reordered)].sort((a, b) => a.localHeader - b.localHeader).map((e) => e.name)).toEqual(expected);
    expect(reordered.length).toBe(zip.length);
    const back = unzipSync(reordered);
    for (const p of parts) expect(back[p.name]).toEqual(p.data);
    // Another unzipper agrees: Python's zipfile checks every part's CRC.
    const dir = mkdtempSync(join(tmpdir(), 'quorum-zip-'));
    try {
      writeFileSync(join(dir, 'reordered.xlsx'), reordered);
      const tested = execFileSync('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), [i.filename for i in z.infolist()])', join(dir, 'reordered.xlsx')], { encoding: 'utf8' });
      expect(tested.trim()).toBe(`None ${JSON.stringify(expected).replace(/"/g, "'").replace(/,/g, ', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
