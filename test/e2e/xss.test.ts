import { describe, expect, it } from 'vitest';
import { useE2E } from './fixture';
import { quorumPage } from './pages/quorumPage';
import { XSS_CORPUS } from '../fixtures/xss';

const e2e = useE2E();

/** What the page would show if any payload had run or been injected as markup. */
const leaks = (page: import('playwright-core').Page) =>
  page.evaluate(`(() => {
    const main = document.querySelector('main');
    const hostile = [...main.querySelectorAll('script, iframe, object, embed, svg[onload], img[onerror], details[ontoggle], style')].map((e) => e.outerHTML.slice(0, 80));
    const handlers = [...main.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name));
    const links = [...main.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !/^(https?:|mailto:)/i.test(h));
    return { ran: globalThis.__xss ?? null, hostile, handlers, links };
  })()`);

describe('hostile Markdown in the app', () => {
  it('is shown as inert text wherever the app renders Markdown: a protocol section and a meeting’s minutes', async () => {
    const { page } = e2e;
    const q = quorumPage(page);
    await q.startWithExample();
    // Arrange through the bridge, as a pasted or imported text would arrive.
    const saved = await page.evaluate(`(async () => {
      const q = globalThis.quorum;
      const v = (await q.protocols.get({ protocolId: 'protocol:boards' })).value.versions[0];
      const sections = v.sections.map((s) => (s.key === 's1' ? { ...s, body: ${JSON.stringify(XSS_CORPUS)} } : s));
      const a = await q.protocols.saveDraft({ protocolId: 'protocol:boards', sections, changeSummary: 'A pasted section' });
      const b = await q.minutes.update({ agendaItemId: 'agendaItem:held-4', minutes: ${JSON.stringify(XSS_CORPUS)} });
      return a.ok && b.ok;
    })()`);
    expect(saved).toBe(true);

    await q.nav('Protocols').click();
    await page.getByRole('article').getByText('a script link').waitFor();
    expect(await leaks(page)).toEqual({ ran: null, hostile: [], handlers: [], links: [] });

    await q.nav('Meetings').click();
    await q.meetings.meeting('Eastmere Children’s Trust Board', '13 October 2026').click();
    await q.meetings.tab('Minutes').click();
    const field = page.getByRole('textbox', { name: /^Minutes of item 4,/ });
    await field.waitFor();
    expect(await field.inputValue()).toContain('<script>window.__xss = 1</script>');
    expect(await page.getByText(/it is edited as Markdown so that nothing is lost/).count()).toBeGreaterThan(0);
    await page.waitForTimeout(200);
    expect(await leaks(page)).toEqual({ ran: null, hostile: [], handlers: [], links: [] });
  });
});
