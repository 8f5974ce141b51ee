import { printsAtOnce, type PdfPrinter, type PrintDocument } from './printer';
import { findBrowser } from './browser';
import { QuorumFailure } from '../../../shared/result';
import { startDevtoolsBrowser, type DevtoolsBrowser } from './devtools';

/**
 * The browser's environment: the caller's, without libraries preloaded into every process (such
 * as faketime's, which moves the clock for the tests' second pass and stalls Chromium's start).
 * The browser only lays out a page; it needs nothing preloaded.
 */
export const browserEnvironment = (env: NodeJS.ProcessEnv = process.env): Record<string, string> =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !/^(LD_PRELOAD|DYLD_INSERT_LIBRARIES|FAKETIME.*)$/.test(e[0])));

/** The made-up origin the page is served from (RFC 2606's .invalid: it can never reach a network). */
const ORIGIN = 'https://pack.quorum.invalid/';
const PAGE_URL = `${ORIGIN}pack.html`;

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new QuorumFailure('internal', `The browser took over ${ms / 1000} s ${what}`)), ms)))]).finally(() => clearTimeout(timer));
};

/**
 * A PdfPrinter on a headless Chromium, Chrome or Edge (findBrowser), driven over the DevTools
 * protocol (devtools.ts): for `quorum pack … --out FILE.pdf` and the tests. The page has scripts
 * off, in a browser context of its own; its HTML and pictures are answered from memory and every
 * other request is refused, so nothing in a paper can run or reach the network.
 */
export const launchChromiumPrinter = async (executablePath: string = findBrowser()): Promise<PdfPrinter> => {
  let browser: DevtoolsBrowser;
  try {
    browser = await startDevtoolsBrowser(executablePath, browserEnvironment());
  } catch (err) {
    throw new QuorumFailure('internal', `The browser at ${executablePath} could not be started to lay out the PDF: ${(err as Error).message.split('\n')[0]}`);
  }
  // Each print has a page of its own, in a browser context of its own and so a renderer of its
  // own: documents printed at once are laid out side by side (splitPack.ts).
  type Tab = { sessionId: string; serving: PrintDocument; busy: boolean };
  const tabs: Promise<Tab>[] = [];
  const bySession = new Map<string, Tab>();
  const openTab = async (): Promise<Tab> => {
    const { browserContextId } = await browser.send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true });
    const { targetId } = await browser.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await browser.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const tab: Tab = { sessionId, serving: { html: '' }, busy: false };
    bySession.set(sessionId, tab);
    const page = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}) => browser.send<T>(method, params, sessionId);
    await Promise.all([page('Page.enable'), page('Emulation.setScriptExecutionDisabled', { value: true }), page('Fetch.enable', { patterns: [{ urlPattern: '*' }] })]);
    return tab;
  };
  browser.on('Fetch.requestPaused', (params, from) => {
    const tab = from === undefined ? undefined : bySession.get(from);
    if (!tab) return;
    const page = <T = Record<string, unknown>>(method: string, p: Record<string, unknown> = {}) => browser.send<T>(method, p, tab.sessionId);
    const requestId = params.requestId as string;
    const url = (params.request as { url: string }).url;
    const body = url === PAGE_URL ? { mime: 'text/html; charset=utf-8', bytes: Buffer.from(tab.serving.html, 'utf8') } : url.startsWith(ORIGIN) ? tab.serving.pictures?.get(url.slice(ORIGIN.length)) : undefined;
    const answer = body
      ? page('Fetch.fulfillRequest', { requestId, responseCode: 200, responseHeaders: [{ name: 'Content-Type', value: body.mime }], body: Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength).toString('base64') })
      : page('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
    answer.catch(() => undefined); // a request the page no longer waits for
  });
  tabs.push(openTab());
  await tabs[0];
  // A page more opens only when a long pack is laid out side by side: a renderer costs CPU, and most packs print whole.
  const concurrency = printsAtOnce();

  /** A page not printing, taken at once (so two prints never share one); a new one when all are. */
  const takeTab = async (): Promise<Tab> => {
    for (const t of tabs) {
      const tab = await t.catch(() => undefined); // a page that could not be opened: its print said why
      if (tab && !tab.busy) {
        tab.busy = true;
        return tab;
      }
    }
    const more = openTab().then((tab) => Object.assign(tab, { busy: true }));
    tabs.push(more);
    return more;
  };

  const load = async (tab: Tab, doc: PrintDocument) => {
    tab.serving = doc;
    const page = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}) => browser.send<T>(method, params, tab.sessionId);
    let stop = () => {};
    const loaded = new Promise<void>((resolve) => (stop = browser.on('Page.loadEventFired', (_p, from) => from === tab.sessionId && resolve())));
    try {
      const nav = await page<{ errorText?: string }>('Page.navigate', { url: PAGE_URL });
      if (nav.errorText) throw new QuorumFailure('internal', `The browser could not open the page to print: ${nav.errorText}`);
      // A browser closed meanwhile (an officer who cancelled the save) ends the wait, not the 300 s.
      await within(Promise.race([loaded, browser.stopped]), 300_000, 'to load the page to print');
    } finally {
      stop();
    }
  };
  const pdf = async (tab: Tab): Promise<Uint8Array> => {
    const page = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}) => browser.send<T>(method, params, tab.sessionId);
    // Letter with no margins, as the print settings the CSS @page rules replace (preferCSSPageSize).
    const { stream } = await within(
      page<{ stream: string }>('Page.printToPDF', {
        printBackground: true,
        preferCSSPageSize: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
        paperWidth: 8.5,
        paperHeight: 11,
        marginTop: 0,
        marginBottom: 0,
        marginLeft: 0,
        marginRight: 0,
        transferMode: 'ReturnAsStream',
      }),
      600_000,
      'to lay out the PDF',
    );
    const chunks: Buffer[] = [];
    for (;;) {
      const r = await page<{ data: string; base64Encoded?: boolean; eof: boolean }>('IO.read', { handle: stream, size: 8 * 1024 * 1024 });
      chunks.push(Buffer.from(r.data, r.base64Encoded ? 'base64' : 'latin1'));
      if (r.eof) break;
    }
    await page('IO.close', { handle: stream });
    const whole = Buffer.concat(chunks);
    return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
  };
  return {
    concurrency,
    async print(doc) {
      const tab = await takeTab();
      try {
        await load(tab, doc);
        return await pdf(tab);
      } finally {
        tab.busy = false;
      }
    },
    close: () => browser.close(),
  };
};
