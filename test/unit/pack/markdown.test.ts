import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownPackage, TINY_PNG, xmlProblems } from '../../docxPackage';
import { WAIT } from '../../waits';

const rels = (pkg: Awaited<ReturnType<typeof markdownPackage>>) => pkg.parts['word/_rels/document.xml.rels'];

/** Markdown as every Word document Quorum writes carries it: straight OOXML (shared/pack/ooxml/body.ts). */
describe('Markdown to Word', () => {
  it('nests headings under the paper and never skips a level', async () => {
    const pkg = await markdownPackage('# Progress\n\n#### Detail\n\n## Risks', {}, 2);
    const styles = [...pkg.document.matchAll(/<w:pStyle w:val="(Heading\d)"\/>/g)].map((m) => m[1]);
    expect(styles).toEqual(['Heading3', 'Heading4', 'Heading4']);
    expect(pkg.text).toContain('Progress');
  });

  it('keeps sibling headings at one level and nests by relative depth (## under the item, ### one lower)', async () => {
    const levels = async (md: string) => [...(await markdownPackage(md, {}, 2)).document.matchAll(/<w:pStyle w:val="Heading(\d)"\/>/g)].map((m) => Number(m[1]));
    expect(await levels('### What has improved\n\ntext\n\n### What is behind\n\ntext')).toEqual([3, 3]);
    expect(await levels('## Summary\n\n### Findings\n\n### Risks\n\n#### One risk\n\n## Next steps')).toEqual([3, 4, 4, 5, 3]);
  });

  it('keeps bold, italic, strikethrough and inline code, and line breaks', async () => {
    const pkg = await markdownPackage('**firm** *soft* ~~gone~~ `code`  \nnext line');
    expect(pkg.document).toMatch(/<w:b\/>[\s\S]*?firm/);
    expect(pkg.document).toMatch(/<w:i\/>[\s\S]*?soft/);
    expect(pkg.document).toMatch(/<w:strike\/>[\s\S]*?gone/);
    expect(pkg.document).toMatch(/QuorumCode[\s\S]*?code/);
    expect(pkg.document).toContain('<w:br/>');
  });

  it('links only to http, https and mailto; anything else is plain text', async () => {
    const pkg = await markdownPackage('[the framework](https://www.gov.uk/x) [mail](mailto:a@example.org) [bad](javascript:alert(1)) [file](file:///etc/passwd) [rel](../quorum.json)');
    expect(rels(pkg)).toContain('https://www.gov.uk/x');
    expect(rels(pkg)).toContain('mailto:a@example.org');
    expect(rels(pkg)).not.toMatch(/javascript|file:|quorum\.json/);
    expect(pkg.document.match(/<w:hyperlink /g)).toHaveLength(2);
    expect(pkg.text).toContain('bad');
  });

  it('decodes entities in text but not in code, and never passes raw HTML through', async () => {
    const pkg = await markdownPackage('Tom &amp; Jerry &pound;5 &#8212; `a &amp; b`\n\n<script>alert("x")</script>\n\n<div onclick="x()">inside</div>\n\nafter <b>bold</b><br>break');
    expect(pkg.text).toContain('Tom & Jerry £5 —');
    expect(pkg.text).toContain('a &amp; b');
    expect(pkg.document).not.toMatch(/script|onclick|alert/);
    expect(pkg.text).toContain('after bold');
    expect(pkg.document).toContain('<w:br/>');
  });

  it('numbers each list from 1 again, nests lists, and shows task boxes', async () => {
    const pkg = await markdownPackage('1. one\n2. two\n   - nested\n\ntext\n\n1. again\n\n- [x] done\n- [ ] to do');
    const nums = [...pkg.document.matchAll(/<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(nums.map((n) => n[0])).toEqual(['0', '0', '1', '0', '0', '0']);
    const [first, , nested, second] = nums.map((n) => n[1]);
    expect(new Set([first, nested, second]).size).toBe(3); // a new w:num per list restarts the numbering
    expect(pkg.parts['word/numbering.xml']).toContain('w:val="decimal"');
    expect(pkg.text).toContain('☒ done');
    expect(pkg.text).toContain('☐ to do');
  });

  it('makes tables with a repeating header row, column alignment and no merged cells', async () => {
    const pkg = await markdownPackage('| Theme | Actions |\n|:--|--:|\n| Front door | 12 |\n| Workforce |');
    expect(pkg.document).toContain('<w:tblHeader/>');
    expect(pkg.document).toContain('<w:jc w:val="right"/>');
    expect(pkg.document).not.toMatch(/gridSpan|vMerge/);
    expect(pkg.document.match(/<w:tc>/g)).toHaveLength(6); // the short row is padded, not merged
  });

  it('shows images from the data folder with their alt text, and names a missing one', async () => {
    const pkg = await markdownPackage('![Caseloads by team, 2026](images/chart.png)\n\n![Lost](images/lost.png)\n\n![Remote](https://tracker.example/p.png)', { 'images/chart.png': TINY_PNG });
    expect(pkg.document).toMatch(/<wp:docPr [^>]*descr="Caseloads by team, 2026"/);
    expect(Object.keys(pkg.parts).some((n) => n.startsWith('word/media/'))).toBe(true);
    expect(pkg.text).toContain('[Image not available: Lost]');
    expect(pkg.text).toContain('[Image not available: Remote]');
    expect(rels(pkg)).not.toContain('tracker.example');
  });

  it('renders block quotes, code blocks and rules', async () => {
    const pkg = await markdownPackage('> A quote\n\n```\nline 1\nline 2\n```\n\n---\n');
    expect(pkg.document).toContain('<w:pStyle w:val="Quote"/>');
    expect(pkg.document).toContain('<w:pStyle w:val="QuorumCodeBlock"/>');
    expect(pkg.document).toContain('<w:pBdr>');
    expect(pkg.text).toContain('line 1line 2');
  });

  it('leaves out characters XML forbids instead of writing a document Word refuses', async () => {
    const pkg = await markdownPackage('bell\u0007 and \uFFFE and lone \uD800 surrogate');
    expect(xmlProblems(pkg)).toEqual([]);
    // The check itself sees such characters.
    expect(xmlProblems({ parts: { 'a.xml': '<a>\u0007</a>', 'b.xml': '<b>&#0;</b>' } })).toHaveLength(2);
    expect(pkg.text).toContain('bell and  and lone  surrogate');
  });

  it('turns any string into a well-formed document', async () => {
    const markdownish = fc.array(
      fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constantFrom('# ', '## ', '#### ', '- ', '1. ', '> ', '|a|b|\n|-|-|\n|1|2|', '```\n', '**', '*', '~~', '`', '[x](', 'javascript:', ')', '![', '](images/a.png)', '<script>', '&amp;', '&#0;', '&#xD800;', '\n', '\n\n', '  \n', '- [ ] ', '---', '<br>', '\\'),
      ),
      { maxLength: 30 },
    );
    await fc.assert(
      fc.asyncProperty(markdownish, async (pieces) => {
        const pkg = await markdownPackage(pieces.join(''), { 'images/a.png': TINY_PNG });
        expect(xmlProblems(pkg)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, WAIT.readBack);
});
