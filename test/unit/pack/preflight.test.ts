import { describe, expect, it, vi } from 'vitest';
import { Lexer } from 'marked';
import { assemblePack } from '../../../shared/pack/model';
import { writePack } from '../../../shared/pack/build';
import { preflight } from '../../../shared/pack/preflight';
import { scanMarkdown } from '../../../shared/pack/markdown/scan';
import { bankHolidaysAround } from '../../../main/services/holidays';
import type { StoreData } from '../../../shared/data';
import type { AgendaItem } from '../../../shared/schema/records';
import { exampleData, stamp } from '../../docxPackage';
import { TEST_TODAY } from '../../helpers';

const TODAY = TEST_TODAY;
const check = (data: StoreData, variant: 'public' | 'full' = 'public', hasImage = (_: string) => false) =>
  preflight(data, 'meeting:ct-next', variant, TODAY, bankHolidaysAround(TODAY), hasImage);

type Item = AgendaItem & { paper: NonNullable<AgendaItem['paper']> };
const withItem = (data: StoreData, id: string, patch: (item: Item) => AgendaItem): StoreData => ({ records: { ...data.records, [id]: stamp(patch(data.records[id] as Item)) } });

describe('pre-flight', () => {
  it('blocks on papers not yet received, naming the author and the deadline from the terms of reference', () => {
    const report = check(exampleData(TODAY));
    expect(report.errors).toBe(2);
    expect(report.paperDeadline).toBe('2026-12-07'); // 5 clear working days before Tuesday 15 December
    expect(report.problems[0]).toMatchObject({ severity: 'error', code: 'paper-missing', fix: { area: 'paper', id: 'agendaItem:next-5' } });
    expect(report.problems[0].message).toContain('from Amira Haddad; due by 7 December 2026');
  });

  it('warns when a paper arrived after the deadline', () => {
    const data = withItem(exampleData(TODAY), 'agendaItem:next-4', (i) => ({ ...i, paper: { ...i.paper, receivedOn: '2026-12-09' } }));
    expect(check(data).problems.find((p) => p.code === 'paper-late')?.message).toContain('received on 9 December 2026, after the deadline of 7 December 2026');
  });

  it('blocks a paper marked exempt on an item not in Part 2, and a decision without recommendations', () => {
    let data = withItem(exampleData(TODAY), 'agendaItem:next-4', (i) => ({ ...i, paper: { ...i.paper, coverSheet: { ...i.paper.coverSheet, classification: 'exempt', recommendations: [] } } }));
    data = withItem(data, 'agendaItem:next-9', (i) => ({ ...i, part2: { paragraph: 3, reason: '' } }));
    const codes = check(data, 'full').problems.map((p) => `${p.severity} ${p.code}`);
    expect(codes).toContain('error exempt-not-part2');
    expect(codes).toContain('error cover-recommendations');
    expect(codes).toContain('warning part2-no-reason');
  });

  it('finds accessibility faults in the papers the pack will print', () => {
    const body = '## Start\n\n#### Too deep\n\n##\n\n![](images/a.png)\n\n![Chart of waits](images/missing.png)\n\n|  |  |\n|-|-|\n| 1 | 2 |\n\n[click here](https://example.org) [run](javascript:x)\n\n<iframe src="x"></iframe>';
    const data = withItem(exampleData(TODAY), 'agendaItem:next-4', (i) => ({ ...i, paper: { ...i.paper, body } }));
    const report = check(data, 'public', (p) => p === 'images/a.png');
    const found = report.problems.filter((p) => p.fix.id === 'agendaItem:next-4').map((p) => `${p.severity} ${p.code}`);
    expect(found).toEqual(
      expect.arrayContaining(['error image-no-alt', 'error image-missing', 'error table-no-header', 'warning heading-skipped', 'warning heading-empty', 'warning link-vague', 'warning link-unsafe', 'warning raw-html']),
    );
    expect(report.problems.slice(0, report.errors).every((p) => p.severity === 'error')).toBe(true);
  });

  it('does not inspect Part 2 papers for the public pack, but does for the full pack', () => {
    const data = withItem(exampleData(TODAY), 'agendaItem:next-10', (i) => ({ ...i, paper: { ...i.paper, body: '![](images/x.png)' } }));
    expect(check(data, 'public').problems.some((p) => p.code === 'image-no-alt')).toBe(false);
    expect(check(data, 'full').problems.some((p) => p.code === 'image-no-alt')).toBe(true);
  });

  it('accepts a paper that opens at any heading level', () => {
    expect(scanMarkdown('### Background\n\n#### Detail\n\n## Next', () => true)).toEqual([]);
  });

  it('reads each paper once: the build walks the tokens the pre-flight read, and a second pre-flight reads only the paper changed since', async () => {
    // Text of its own, so tokens kept from other tests do not count.
    const unique = `run ${Math.random()}`;
    const data = withItem(exampleData(TODAY), 'agendaItem:next-4', (i) => ({ ...i, paper: { ...i.paper, body: `## Progress in this ${unique}\n\n| A | B |\n|---|---|\n| 1 | 2 |` } }));
    const lex = vi.spyOn(Lexer.prototype, 'lex');
    try {
      const bodies = () => lex.mock.calls.map(([text]) => text).filter((t) => t.includes(unique));
      const model = assemblePack(data, 'meeting:ct-next', 'public', TODAY);
      check(data, 'public');
      expect(bodies()).toHaveLength(1);
      const { bytes } = await writePack(model, { builtAt: `${TODAY}T10:00:00.000Z`, images: {} });
      expect(bytes.length).toBeGreaterThan(0);
      check(data, 'public');
      expect(bodies()).toHaveLength(1);
      const changed = withItem(data, 'agendaItem:next-4', (i) => ({ ...i, paper: { ...i.paper, body: `${i.paper.body}\n\nA new closing line.` } }));
      check(changed, 'public');
      expect(bodies()).toHaveLength(2);
    } finally {
      lex.mockRestore();
    }
  });
});
