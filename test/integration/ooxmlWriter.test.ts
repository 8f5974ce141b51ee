import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownDocx, TINY_PNG } from '../docxPackage';
import { PANDOC } from '../pandoc';
import { tempDir } from '../helpers';

/**
 * The pack's papers are written straight as OOXML (shared/pack/ooxml/body.ts) instead of through
 * docx's objects. An independent reader must find the same document either way: the same headings
 * at the same levels, lists with the same numbering, tables with the same cells and alignment,
 * pictures with the same alt text, links to the same places, the same emphasis.
 */
const PAPER = [
  '# Progress this quarter',
  'Referrals **rose** by *twelve* per cent; ~~the old target~~ the new target is `R-12`. Tom &amp; Jerry &pound;5 line  ',
  'after a hard break<br>and a tag break.',
  '## Findings',
  '1. Chronologies in place\n2. Strategy discussions held\n   - within five days\n   - minuted\n3. Voice of the child',
  '3. Starts at three\n4. and goes on',
  '- [x] Audit shared\n- [ ] Repeat in six months',
  '### Figures',
  '| Quarter | Referrals | Note |\n|:--|--:|:-:|\n| Q1 | 120 | steady |\n| Q2 | 131 |',
  '| A | B | C | D | E | F | G |\n|---|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 |',
  '![Referrals by quarter](images/chart.png "Chart")\n\n![Gone](images/missing.png)',
  '> The board is asked to note the findings.',
  '```\nline 1\nline 2\n```',
  '---',
  'See [the framework](https://www.gov.uk/x?a=1&b=2), [mail](mailto:a@example.org) and [not a link](javascript:alert(1)).',
].join('\n\n');

const readWithPandoc = (bytes: Uint8Array, dir: string, name: string): unknown => {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, bytes);
  const ast = JSON.parse(execFileSync(PANDOC, ['-f', 'docx', '-t', 'json', file], { encoding: 'utf8' })) as { blocks: unknown };
  // The picture's part is named differently by each writer (media/image1.png, media/quorum-chart.png).
  return JSON.parse(JSON.stringify(ast.blocks).replace(/"media\/[^"]+"/g, '"media/picture"'));
};

describe('a paper written straight as OOXML', () => {
  it('reads back in pandoc exactly as the same paper written through docx’s objects', async () => {
    const { dir, cleanup } = tempDir('quorum-ooxml-');
    try {
      const images = { 'images/chart.png': TINY_PNG };
      const viaObjects = readWithPandoc(await markdownDocx(PAPER, images, 1, 'docx objects'), dir, 'objects');
      const straight = readWithPandoc(await markdownDocx(PAPER, images, 1, 'OOXML written straight'), dir, 'straight');
      expect(JSON.stringify(straight)).toMatch(/"t":"Image".*"Chart"/);
      expect(JSON.stringify(straight)).toContain('https://www.gov.uk/x?a=1&b=2');
      expect(straight).toEqual(viaObjects);
    } finally {
      cleanup();
    }
  });
});
