import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../shared/pack/build';
import type { PackVariant } from '../../../shared/pack/model';
import { exampleData, readPackage, stamp, TINY_PNG, xmlProblems } from '../../docxPackage';
import type { StoreData } from '../../../shared/data';
import { TEST_TODAY } from '../../helpers';

const TODAY = TEST_TODAY;
const build = async (variant: PackVariant, data: StoreData = exampleData(TODAY), images = {}) => {
  const steps: string[] = [];
  const { bytes } = await buildPack(data, { meetingId: 'meeting:ct-next', variant, today: TODAY, builtAt: '2026-11-23T09:00:00.000Z', images, onProgress: (d, t, l) => steps.push(`${d}/${t} ${l}`) });
  return { pkg: readPackage(bytes), steps, bytes };
};

const headings = (xml: string) =>
  [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs)].map((m) => ({
    level: Number(m[1]),
    text: [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));

describe('the board pack', () => {
  it('heads the contents page with the pack it is, not the agenda that follows it', async () => {
    for (const [variant, label] of [['public', 'Public pack'], ['full', 'Full pack']] as const) {
      const { pkg } = await build(variant);
      // The section the contents lines are in, and the header that section uses (w:sectPr/w:headerReference).
      const fromContents = pkg.document.slice(pkg.document.indexOf('<w:pStyle w:val="TOC1"/>'));
      const section = fromContents.slice(0, fromContents.indexOf('</w:sectPr>'));
      const headerId = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(section.slice(section.lastIndexOf('<w:sectPr')))![1];
      const target = new RegExp(`Id="${headerId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${headerId}"`).exec(pkg.parts['word/_rels/document.xml.rels'])!;
      const header = pkg.parts[`word/${target[1] ?? target[2]}`];
      expect(header).toMatch(new RegExp(`· ${label}</w:t>`));
      expect(header).not.toContain('Agenda');
    }
  });

  it('holds the parts in the order boards publish them', async () => {
    const { pkg, steps } = await build('full');
    const top = headings(pkg.document).filter((h) => h.level === 1).map((h) => h.text.replace(/&amp;/g, '&'));
    expect(top).toEqual([
      'Agenda',
      'Apologies, substitutes and declarations of interest',
      expect.stringMatching(/^Draft minutes of the meeting held on /),
      'Action log',
      'Item 4: Improvement plan: progress report',
      'Item 5: Deep dive: neglect and the graded care profile',
      'Item 6: Children and Young People’s Plan: annual refresh',
      'Deep-dive briefing: Neglect and the graded care profile',
      'Forward plan',
      'Urgent items',
      'Any other business and date of next meeting',
      'Exclusion of the press and public',
      'Item 10: Residential placements: contract award',
    ]);
    expect(steps.at(-1)).toBe('13/13 Saved as Word');
    expect(xmlProblems(pkg)).toEqual([]);
  });

  it('lists every part in its contents before any field update: a linked line for each Heading 1, bookmarked where it starts', async () => {
    const { pkg } = await build('full');
    const top = headings(pkg.document).filter((h) => h.level === 1);
    const entries = [...pkg.document.matchAll(/<w:pStyle w:val="TOC1"\/>[\s\S]*?<w:hyperlink w:history="1" w:anchor="(_Toc\d+)"><w:r><w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => ({ anchor: m[1], text: m[2] }));
    expect(entries.map((e) => e.text)).toEqual(top.map((h) => h.text));
    for (const e of entries) expect(pkg.document, e.text).toContain(`w:name="${e.anchor}"`);
  });

  it('opens with a cover naming the partnership, board, date, time, venue, contact and variant', async () => {
    const { pkg } = await build('public');
    const cover = pkg.text.slice(0, pkg.text.indexOf('Contents'));
    for (const s of ['Eastmere Children and Families Partnership', 'Eastmere Children’s Trust Board', 'Tuesday 15 December 2026', '15:00 to 17:30', 'Committee Room 2', 'joan.fairley@example.org.uk', 'Public pack'])
      expect(cover).toContain(s);
  });

  it('prints the agenda with numbers, times, presenters, purposes and paper references', async () => {
    const { pkg } = await build('full');
    expect(pkg.text).toMatch(/4\n15:20\nImprovement plan: progress report\nSarah Whitcombe\nFor decision\nPaper 4/);
    expect(pkg.text).toMatch(/6\n16:35\nChildren and Young People’s Plan: annual refresh\nDr Leah Donnelly\nFor decision\nPaper 6 to follow/);
  });

  it('carries the draft minutes with resolutions and the action log with colour and a word for each status', async () => {
    const { pkg } = await build('full');
    expect(pkg.text).toContain('Martin Doyle, Vice-Chair, Eastmere Governors Forum, attended in place of Gareth Lyle');
    expect(pkg.text).toContain('It was resolved that:\nThe revised terms of reference be approved.');
    expect(pkg.text).toMatch(/Provide data on the timeliness of police notifications to the front door\nDCI Mark Ellery\n13 Oct 2026\n3 Nov 2026\nOverdue/);
    expect(pkg.document).toMatch(/w:fill="F4CCCC"[\s\S]{0,400}Overdue/);
  });

  it('puts each paper on a new page with its cover sheet, and the briefing and forward plan after', async () => {
    const { pkg } = await build('full');
    expect(pkg.document).toMatch(/<w:pageBreakBefore\/>(?:(?!<\/w:p>).)*Item 4: Improvement plan/s);
    expect(pkg.text).toMatch(/Report of\nDirector of Children’s Services/);
    expect(pkg.text).toContain('The Board agrees the revised milestones for the front door.');
    expect(pkg.text).toContain('This paper will follow.');
    expect(pkg.text).toContain('How widely is the graded care profile used, and by whom?');
    expect(pkg.text).toContain('What children and families told us\nVoice of the child\nParticipation team');
    expect(pkg.text).toContain('Re-referrals to the front door: follow-up');
    expect(pkg.text).toMatch(/The next meeting is on Tuesday 13 April 2027 at 15:00/);
  });

  it('nests a paper’s headings under its item: ## one below the Report heading, sibling ### headings one lower and equal', async () => {
    const { pkg } = await build('full');
    const all = headings(pkg.document);
    const at = all.findIndex((h) => h.text === 'Item 4: Improvement plan: progress report');
    const level = (text: string) => all.slice(at).find((h) => h.text === text)!.level;
    // Item (1) › Report (2) › the paper's ## (3) › its two ### (4, 4).
    expect(level('Progress since the last meeting')).toBe(level('Report') + 1);
    expect(level('What has improved')).toBe(level('Progress since the last meeting') + 1);
    expect(level('What is behind')).toBe(level('What has improved'));
  });

  it('heads every page with board, date and item, and foots it with Page X of Y', async () => {
    const { pkg } = await build('full');
    const headers = Object.entries(pkg.parts).filter(([n]) => /word\/header\d+\.xml/.test(n)).map(([, x]) => x);
    expect(headers.some((h) => h.includes('Eastmere Children’s Trust Board · 15 December 2026 · Item 4'))).toBe(true);
    const footers = Object.entries(pkg.parts).filter(([n]) => /word\/footer\d+\.xml/.test(n)).map(([, x]) => x);
    // One footer part, shared by every section (each section still names it).
    expect(footers).toHaveLength(1);
    expect(footers[0]).toMatch(/Page [\s\S]*PAGE[\s\S]* of [\s\S]*NUMPAGES/);
    const sections = pkg.document.match(/<w:sectPr\b/g)!.length;
    const footerRefs = [...pkg.document.matchAll(/<w:footerReference w:type="default" r:id="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(footerRefs).toHaveLength(sections);
    expect(new Set(footerRefs).size).toBe(1);
    expect(pkg.parts['word/_rels/document.xml.rels']).toContain(`Id="${footerRefs[0]}"`);
    // Every header or footer part the relationships name is in the package, and only those.
    const targets = [...pkg.parts['word/_rels/document.xml.rels'].matchAll(/relationships\/(?:header|footer)" Target="([^"]+)"/g)].map((m) => `word/${m[1]}`);
    expect(Object.keys(pkg.parts).filter((n) => /^word\/(header|footer)\d+\.xml$/.test(n)).sort()).toEqual(targets.sort());
    for (const [, part] of pkg.parts['[Content_Types].xml'].matchAll(/PartName="\/([^"]+)"/g)) expect(pkg.parts[part], part).toBeDefined();
  });

  it('is accessible as published: title, author, language, contents linked to each part, heading order, header rows, no merged cells, alt text', async () => {
    const data = exampleData(TODAY);
    const item = data.records['agendaItem:next-4'];
    if (item.type !== 'agendaItem' || !item.paper) throw new Error('example changed');
    const withImage = { ...item, paper: { ...item.paper, body: `${item.paper.body}\n\n![Caseloads fell from 24 to 18](images/caseloads.png)\n` } };
    const { pkg } = await build('public', { records: { ...data.records, [item.id]: withImage } }, { 'images/caseloads.png': TINY_PNG });
    const core = pkg.parts['docProps/core.xml'];
    expect(core).toContain('<dc:title>Eastmere Children’s Trust Board, 15 December 2026: Public pack</dc:title>');
    expect(core).toContain('<dc:creator>Eastmere Children and Families Partnership</dc:creator>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(pkg.parts['word/styles.xml']).toContain('<w:lang w:val="en-GB"/>');
    expect(pkg.parts['word/settings.xml']).toMatch(/<w:updateFields(?: w:val="true")?\/>/);
    // The contents: a line a part, each a link to its heading's bookmark with a PAGEREF to it, marked for Word to update (ECMA-376 §17.16.5.45).
    const line = /<w:pStyle w:val="TOC1"\/>(?:(?!<\/w:p>)[\s\S])*<w:hyperlink w:history="1" w:anchor="(_Toc\d+)">(?:(?!<\/w:p>)[\s\S])*<w:fldChar w:fldCharType="begin" w:dirty="true"\/><w:instrText[^>]*>PAGEREF \1 \\h</.exec(pkg.document);
    expect(line).not.toBeNull();
    expect(pkg.document).toContain(`<w:bookmarkStart w:name="${line![1]}"`);
    const levels = headings(pkg.document).map((h) => h.level);
    levels.forEach((l, i) => expect(l).toBeLessThanOrEqual(i === 0 ? 1 : levels[i - 1] + 1));
    for (let i = 1; i <= 6; i++) expect(pkg.parts['word/styles.xml']).toMatch(new RegExp(`w:styleId="Heading${i}"[\\s\\S]*?<w:outlineLvl w:val="${i - 1}"/>`));
    const tables = pkg.document.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) expect(t.slice(0, t.indexOf('</w:tr>'))).toContain('<w:tblHeader/>');
    expect(pkg.document).not.toMatch(/gridSpan|vMerge|hMerge/);
    const pictures = [...pkg.document.matchAll(/<wp:docPr [^>]*>/g)].map((m) => m[0]);
    expect(pictures).toHaveLength(1);
    for (const p of pictures) expect(p).toMatch(/descr="[^"]+"/);
  });

  it('puts a wide table on a landscape page and goes back to portrait after', async () => {
    const data = exampleData(TODAY);
    const item = data.records['agendaItem:next-4'];
    if (item.type !== 'agendaItem' || !item.paper) throw new Error('example changed');
    const wide = '| A | B | C | D | E | F | G |\n|-|-|-|-|-|-|-|\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n\nAfter the table.';
    const { pkg } = await build('full', { records: { ...data.records, [item.id]: stamp({ ...item, paper: { ...item.paper, body: wide } }) } });
    const sections = [...pkg.document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    const orientations = sections.map((s) => (s.includes('w:orient="landscape"') ? 'L' : 'P')).join('');
    expect(orientations).toMatch(/PLP/);
    expect(sections.find((s) => s.includes('landscape'))).toMatch(/<w:pgSz w:w="16838" w:h="11906"/);
    // The landscape page and the portrait one after it are headed with the part, as its first page
    // is: each section names the part's header and the pack's footer (namePartsInEverySection).
    const at = orientations.indexOf('PLP');
    const headerText = (section: string) => {
      const id = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(section)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(pkg.parts['word/_rels/document.xml.rels'])![1];
      return [...pkg.parts[`word/${target}`].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    };
    for (const section of sections.slice(at, at + 3)) {
      expect(headerText(section)).toMatch(/· Item 4$/);
      expect(section).toMatch(/<w:footerReference w:type="default"/);
    }
  });
});
