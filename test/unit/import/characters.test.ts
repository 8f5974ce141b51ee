import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../main/services/papers/html';
import { markdownToHtml } from '../../../shared/pack/html/markdown';
import { markdownToOoxml } from '../../../shared/pack/ooxml/body';
import { exportContext } from '../../../shared/exports/document';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { docxToMarkdown } from '../../../main/services/papers/docx';
import { tempDir } from '../../helpers';

/**
 * Every character a paper's author typed reaches the pack as written (issue: nothing a paper says
 * is lost): angle brackets, ampersands and a typed entity are text, not HTML; a paragraph that
 * begins "1)" stays a paragraph. From Word (as mammoth gives it) through Markdown to the Word pack
 * and to the HTML the PDF and the website are laid out from.
 */
const SAMPLES = ['Reply to <name> by <<deadline>>', 'x<y>z', 'R&D', 'a typed &amp; stays', 'Costs < £5k & > £1k', '1) First, as typed'];

/** The text of the Word runs the pack writes, as Word shows it: each w:t's content, entities decoded. */
const wordText = (markdown: string) => {
  const ctx = exportContext();
  const xml = markdownToOoxml(markdown, ctx, ctx.raw)
    .map((b) => (b as unknown as { xml?: string }).xml ?? '')
    .join('');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
};
const htmlText = (markdown: string) =>
  markdownToHtml(markdown, { headingBase: 1, picture: () => undefined })
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('every character of a Word paper survives', () => {
  for (const typed of SAMPLES)
    it(`keeps “${typed}” as written, in the Word pack and in the HTML`, () => {
      // mammoth gives the paragraph's text HTML-escaped, as any HTML writer would.
      const { markdown } = htmlToMarkdown(`<p>${escapeHtml(typed)}</p>`);
      expect(htmlText(markdown)).toBe(typed);
      expect(wordText(markdown)).toContain(typed);
      // A paragraph, never a list Word did not number.
      expect(markdownToHtml(markdown, { headingBase: 1, picture: () => undefined })).not.toMatch(/<ol|<li/);
    });
});

describe('every character typed in Quorum survives', () => {
  for (const typed of ['Reply to <name> by <<deadline>>', 'x<y>z', 'Send it to <the chair> & <the vice-chair>'])
    it(`keeps “${typed}” as typed into the editor, in the Word pack and in the HTML`, () => {
      expect(htmlText(typed)).toBe(typed);
      expect(wordText(typed)).toContain(typed);
    });

  it('still never prints markup: a tag of a real element is dropped, its text kept', () => {
    expect(htmlText('after <b>bold</b> and <span onclick="x()">this</span>')).toBe('after bold and this');
    expect(wordText('after <b>bold</b> and <img src=x onerror=alert(1)>')).not.toMatch(/onerror|<img|&lt;img/);
  });
});

describe('superscript and subscript survive', () => {
  it('keeps m², 10⁶ and CO₂ from Word as superscript and subscript in the Word pack and the HTML', async () => {
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ children: [new TextRun('The site is 40 m'), new TextRun({ text: '2', superScript: true }), new TextRun(' and holds 10'), new TextRun({ text: '6', superScript: true }), new TextRun(' litres.')] }),
              new Paragraph({ children: [new TextRun('CO'), new TextRun({ text: '2', subScript: true }), new TextRun(' fell.')] }),
            ],
          },
        ],
      }),
    );
    const t = tempDir();
    try {
      const { markdown } = await docxToMarkdown(bytes, t.dir, 'site', 'site.docx');
      const html = markdownToHtml(markdown, { headingBase: 1, picture: () => undefined });
      expect(html).toContain('40 m<sup>2</sup> and holds 10<sup>6</sup> litres.');
      expect(html).toContain('CO<sub>2</sub> fell.');
      const ctx = exportContext();
      const xml = markdownToOoxml(markdown, ctx, ctx.raw).map((b) => (b as unknown as { xml?: string }).xml ?? '').join('');
      expect(xml).toMatch(/<w:r><w:rPr><w:vertAlign w:val="superscript"\/><\/w:rPr><w:t xml:space="preserve">2<\/w:t><\/w:r>/);
      expect(xml).toMatch(/<w:r><w:rPr><w:vertAlign w:val="subscript"\/><\/w:rPr><w:t xml:space="preserve">2<\/w:t><\/w:r>/);
      expect(wordText(markdown)).toContain('The site is 40 m2 and holds 106 litres.');
    } finally {
      t.cleanup();
    }
  });
});
