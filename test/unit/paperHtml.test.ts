import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../main/services/papers/html';

describe('Word HTML to Markdown', () => {
  it('keeps nested lists nested and numbered lists numbered from their start', () => {
    const { markdown } = htmlToMarkdown('<ul><li>Health<ul><li>GP practices</li></ul></li><li>Police</li></ul><ol start="3"><li>Third</li><li>Fourth</li></ol>');
    expect(markdown).toBe('- Health\n  - GP practices\n- Police\n\n3. Third\n4. Fourth');
  });

  it('joins paragraphs inside a cell with line breaks and escapes pipes, so the row stays one row', () => {
    const { markdown } = htmlToMarkdown('<table><tr><th>Partner</th><th>Notes</th></tr><tr><td><p>Police</p></td><td><p>Joint visits | weekly</p><p>From April</p></td></tr></table>');
    expect(markdown).toBe('| Partner | Notes |\n| --- | --- |\n| Police | Joint visits \\| weekly<br>From April |');
  });

  it('drops the paper’s own contents list and keeps only the text of links the pack cannot carry', () => {
    const { markdown, notes } = htmlToMarkdown('<p><a href="#_Toc1">Introduction</a></p><h1><a id="_Toc1"></a>Introduction</h1><p>See <a href="file:///c:/secret.docx">the draft</a> and <a href="javascript:alert(1)">this</a>.</p>');
    expect(markdown).toBe('# Introduction\n\nSee the draft and this.');
    expect(notes.join(' ')).toContain('table of contents (1 line) was left out');
  });

  it('marks pictures Word cannot hand over as PNG, so nothing disappears silently', () => {
    const { markdown, notes } = htmlToMarkdown('<p><img src="unsupported:EMF" alt="Org chart"></p>');
    expect(markdown).toBe('*[Picture not imported (EMF): Org chart]*');
    expect(notes.join(' ')).toContain('1 picture was in a format');
  });
});
