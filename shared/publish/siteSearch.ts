import { decodeHTML } from 'entities';
import { makeNormaliser, NORMALISER_TABLES, WORD, wordsOf } from '../search/words';

/**
 * The published website's own search (docs/ARCHITECTURE.md, search): a static page, no server. At
 * publish time the public pages' words go into `search-index.js` (the site's pages only: what it
 * publishes is public by construction, so nothing exempt can be in it); the page's script matches
 * the query in the browser with the app's own normaliser (`makeNormaliser`, serialised), so
 * "organizations" finds "organisation" there too. A script file rather than JSON, so the site also
 * searches when opened from a folder (file://, where a browser will not fetch JSON).
 */

export type SitePageText = { url: string; title: string; text: string };

/** The readable text of a published page: its <main>, without markup. */
export const pageText = (html: string): { title: string; text: string } => {
  const title = decodeHTML(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '').replace(/ – [^–]*$/, '');
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  const text = decodeHTML(main.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return { title, text };
};

/** The site's index: each page, and for each word the pages that hold it. */
export const siteSearchIndex = (pages: readonly SitePageText[]) => {
  const words: Record<string, number[]> = {};
  pages.forEach((p, i) => {
    for (const w of new Set(wordsOf(`${p.title} ${p.text}`))) (words[w] ??= []).push(i);
  });
  return { pages: pages.map((p) => ({ u: p.url, t: p.title, x: p.text })), words };
};

/** The search page's script: the app's normaliser, the query's words, phrases and partly typed last word, and a snippet for each page found. */
export const siteSearchScript = (): string => `(function () {
  'use strict';
  var normaliser = (${makeNormaliser.toString()})(${JSON.stringify(NORMALISER_TABLES)});
  var WORD = new RegExp(${JSON.stringify(WORD.source)}, ${JSON.stringify(WORD.flags)});
  var data = window.QUORUM_SEARCH || { pages: [], words: {} };
  var keys = Object.keys(data.words);
  function wordsOf(text) { var out = []; var m; WORD.lastIndex = 0; while ((m = WORD.exec(text))) { var w = normaliser.normaliseWord(m[0]); if (w) out.push(w); } return out; }
  function esc(s) { return s.replace(/[&<>"']/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]; }); }
  function parse(typed) {
    var phrases = [];
    var rest = typed.replace(/"([^"]*)"?/g, function (_m, inner) { var ws = wordsOf(inner); if (ws.length) phrases.push(ws); return ' '; });
    var ws = wordsOf(rest);
    var trimmed = typed.replace(/\\s+$/, '');
    var lastIsPrefix = ws.length > 0 && trimmed.charAt(trimmed.length - 1) !== '"' && /[\\p{L}\\p{N}]$/u.test(rest.replace(/\\s+$/, ''));
    return { words: ws, phrases: phrases, last: lastIsPrefix ? rest.replace(/\\s+$/, '').split(/\\s+/).pop() : null };
  }
  function pagesWith(w) { return data.words[w] || []; }
  function pagesStarting(raw) {
    var p = normaliser.prefixOf(raw); var out = {};
    for (var i = 0; i < keys.length; i++) if (keys[i].indexOf(p) === 0) pagesWith(keys[i]).forEach(function (n) { out[n] = true; });
    pagesWith(normaliser.normaliseWord(raw)).forEach(function (n) { out[n] = true; });
    return Object.keys(out).map(Number);
  }
  function holdsPhrase(seq, phrase) {
    outer: for (var i = 0; i + phrase.length <= seq.length; i++) { for (var j = 0; j < phrase.length; j++) if (seq[i + j] !== phrase[j]) continue outer; return true; }
    return false;
  }
  function snippet(text, q) {
    var wanted = {}; q.words.concat([].concat.apply([], q.phrases)).forEach(function (w) { wanted[w] = true; });
    var prefix = q.last ? normaliser.prefixOf(q.last) : null;
    var hit = function (raw) { var w = normaliser.normaliseWord(raw); return wanted[w] || (prefix && (w.indexOf(prefix) === 0 || normaliser.prefixOf(raw).indexOf(prefix) === 0)); };
    var ms = []; var m; WORD.lastIndex = 0; while ((m = WORD.exec(text))) ms.push({ i: m.index, w: m[0] });
    if (!ms.length) return '';
    var first = 0; for (var k = 0; k < ms.length; k++) if (hit(ms[k].w)) { first = k; break; }
    var from = Math.max(0, first - 14), to = Math.min(ms.length - 1, first + 14);
    var html = from > 0 ? '… ' : ''; var at = ms[from].i;
    for (var n = from; n <= to; n++) { if (!hit(ms[n].w)) continue; html += esc(text.slice(at, ms[n].i)) + '<mark>' + esc(ms[n].w) + '</mark>'; at = ms[n].i + ms[n].w.length; }
    html += esc(text.slice(at, ms[to].i + ms[to].w.length)) + (to < ms.length - 1 ? ' …' : '');
    return html;
  }
  function search(typed) {
    var q = parse(typed);
    if (!q.words.length && !q.phrases.length) return { q: q, found: [] };
    var sets = q.words.map(function (w, i) { return i === q.words.length - 1 && q.last ? pagesStarting(q.last) : pagesWith(w); });
    q.phrases.forEach(function (p) { p.forEach(function (w) { sets.push(pagesWith(w)); }); });
    var found = sets.reduce(function (acc, s) { var has = {}; s.forEach(function (n) { has[n] = true; }); return acc === null ? s.slice() : acc.filter(function (n) { return has[n]; }); }, null) || [];
    if (q.phrases.length) found = found.filter(function (n) { var seq = wordsOf(data.pages[n].t + ' ' + data.pages[n].x); return q.phrases.every(function (p) { return holdsPhrase(seq, p); }); });
    return { q: q, found: found };
  }
  var form = document.getElementById('site-search');
  var box = document.getElementById('site-search-words');
  var out = document.getElementById('site-search-results');
  function show() {
    var typed = box.value.trim();
    var r = search(typed);
    if (!typed) { out.innerHTML = ''; return; }
    out.innerHTML = '<p role="status">' + (r.found.length ? r.found.length + (r.found.length === 1 ? ' page' : ' pages') + ' found for “' + esc(typed) + '”.' : 'Nothing found for “' + esc(typed) + '”.') + '</p>' +
      '<ol>' + r.found.map(function (n) { var p = data.pages[n]; return '<li><a href="' + esc(p.u) + '">' + esc(p.t) + '</a><p class="meta">' + snippet(p.x, r.q) + '</p></li>'; }).join('') + '</ol>';
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); show(); });
  var params = new URLSearchParams(location.search);
  if (params.get('q')) { box.value = params.get('q'); show(); }
})();
`;

/** The search page's body: a labelled box, and where the results go. */
export const siteSearchBody = `<h1>Search</h1>
<form id="site-search" role="search">
<label for="site-search-words">Words to find in the published agendas, papers, minutes, decisions and action logs</label>
<p><input id="site-search-words" name="q" type="search" size="40"> <button type="submit">Search</button></p>
</form>
<section id="site-search-results" aria-live="polite"></section>
<noscript><p>Searching needs JavaScript.</p></noscript>
<script src="search-index.js"></script>
<script src="search.js"></script>`;
