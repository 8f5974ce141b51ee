import type { Cell, PackBlock } from '../parts/blocks';
import { esc } from './escape';
import { markdownToHtml, type PictureSource } from './markdown';

/** Where the contents goes: filled in once every part is laid out (html/document.ts). */
export const CONTENTS_MARK = '<!--quorum-contents-->';

export type HtmlTarget = {
  picture: PictureSource;
  logo?: { src: string; alt: string; width: number; height: number };
  /** The id of the next level 1 heading, which the contents links to. */
  topHeading: (text: string) => string;
  /** Wraps a table too wide for a portrait page. */
  wide?: (tableHtml: string) => string;
};

const cell = (c: Cell, tag: 'td' | 'th', asHeading: boolean): string => {
  const text = typeof c === 'string' ? c : c.text;
  const rag = typeof c === 'string' ? undefined : c.rag;
  const bold = typeof c !== 'string' && c.bold;
  const inner = asHeading ? `<h2 class="agenda-item">${esc(text)}</h2>` : bold ? `<strong>${esc(text)}</strong>` : esc(text);
  return `<${tag}${rag ? ` class="rag-${rag}"` : ''}>${inner}</${tag}>`;
};

/** The pack's content (shared/pack/parts) as HTML: the PDF's and the website's. */
export const toHtml = (blocks: readonly PackBlock[], target: HtmlTarget): string =>
  blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading': {
          const level = Math.min(Math.max(b.level, 1), 6);
          const id = level === 1 ? ` id="${esc(target.topHeading(b.text))}"` : '';
          return `<h${level}${id}${b.newPage ? ' class="new-page"' : ''}>${esc(b.text)}</h${level}>`;
        }
        case 'para':
          return `<p>${b.bold ? `<strong>${esc(b.text)}</strong>` : b.italics ? `<em>${esc(b.text)}</em>` : esc(b.text)}</p>`;
        case 'title':
          return `<p class="title">${esc(b.text)}</p>`;
        case 'subtitle':
          return `<p class="subtitle">${esc(b.text)}</p>`;
        case 'labelled':
          return `<p><strong>${esc(b.label)}:</strong> ${esc(b.value)}</p>`;
        case 'notice':
          return `<p class="notice">${esc(b.text)}</p>`;
        case 'list': {
          const items = b.items.map((i) => `<li>${esc(i)}</li>`).join('');
          return b.ordered ? `<ol>${items}</ol>` : `<ul>${items}</ul>`;
        }
        case 'table': {
          const head = `<thead><tr>${b.headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
          const body = `<tbody>${b.rows.map((r) => `<tr>${b.headers.map((_, i) => cell(r[i] ?? '', 'td', i === b.itemColumn)).join('')}</tr>`).join('')}</tbody>`;
          const html = `<table>${head}${body}</table>`;
          return b.landscape && target.wide ? target.wide(html) : html;
        }
        case 'facts':
          return `<table class="facts"><tbody>${b.facts.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v || 'Not given')}</td></tr>`).join('')}</tbody></table>`;
        case 'markdown':
          return markdownToHtml(b.text, { headingBase: b.base, picture: target.picture, wide: target.wide });
        case 'gap':
          return '<div class="gap"></div>';
        case 'contents':
          return CONTENTS_MARK;
        case 'logo':
          return target.logo ? `<p class="logo"><img src="${esc(target.logo.src)}" alt="${esc(target.logo.alt)}" width="${target.logo.width}" height="${target.logo.height}"></p>` : '';
      }
    })
    .join('');
