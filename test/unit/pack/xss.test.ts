import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../shared/pack/build';
import { exampleData, readPackage } from '../../docxPackage';
import { XSS_CORPUS, XSS_MARKERS } from '../../fixtures/xss';

describe('hostile Markdown in a paper', () => {
  it('leaves no script, event handler or script link anywhere in the Word package', async () => {
    const data = exampleData();
    const item = data.records['agendaItem:next-4'] as unknown as { paper: { body: string; coverSheet: { executiveSummary: string } } };
    item.paper.body = `## Hostile\n\n${XSS_CORPUS}`;
    item.paper.coverSheet.executiveSummary = XSS_CORPUS;
    const { bytes } = await buildPack(data, { meetingId: 'meeting:ct-next', variant: 'full', today: '2026-11-23', builtAt: '2026-11-23T10:00:00Z', images: {} });
    const pkg = readPackage(bytes);
    for (const [name, xml] of Object.entries(pkg.parts))
      for (const marker of XSS_MARKERS) expect(xml.toLowerCase().includes(marker.toLowerCase()), `${marker} in ${name}`).toBe(false);
    // The readable words survive as text; only the danger is gone.
    expect(pkg.text).toContain('a script link');
    expect(pkg.text).toContain('mixed case');
  });
});
