import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8, strToU8 } from 'fflate';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, portableCompressor, writeZip } from '../../shared/zipWriter';
import { nativeCompressor } from '../../main/services/nativeZip';
import { listZipEntries } from '../../shared/zip';
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
});
