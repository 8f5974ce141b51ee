import { createServer, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { CHANNELS } from '../../shared/channels';
import { Session } from '../../main/services/session';
import { launchChromiumPrinter } from '../../main/services/pdf/chromiumPrinter';
import type { Platform } from '../../main/services/platform';
import { clockOnDay, type Clock } from '../../shared/clock';
import { TEST_TODAY } from '../helpers';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');
export const BRIDGE_SCRIPT = resolve(import.meta.dirname, '../../out/e2e/quorum-bridge.js');

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

export type Host = {
  url: string;
  session: Session;
  opened: string[];
  chooseFolderAnswer: { value: string | null };
  /** How the save dialog answers: cancelled, or with a file in `folder`; not before `held` settles, when set. */
  saveAnswer: { cancel: boolean; folder?: string; held?: Promise<void> };
  /** PDF prints finished by the host's browser, so far. */
  printsFinished: { count: number };
  /** The file the open dialog picks next (null: cancel). */
  openAnswer: { file: string | null };
  /** The titles of the open dialogs shown, in order. */
  openDialogs: string[];
  openedFiles: string[];
  shownInFolder: string[];
  close(): Promise<void>;
};

/**
 * Serves the built renderer with `window.quorum` bound over HTTP to the very handler table the
 * Electron app registers over IPC, backed by the real services on `dataDir`.
 */
export const startHost = async (dataDir: string, opts: { clock?: Clock } = {}): Promise<Host> => {
  const token = randomBytes(16).toString('hex');
  const clients = new Set<ServerResponse>();
  const opened: string[] = [];
  const chooseFolderAnswer = { value: null as string | null };
  const saveAnswer: Host['saveAnswer'] = { cancel: false };
  const printsFinished = { count: 0 };
  const openAnswer = { file: null as string | null };
  const openDialogs: string[] = [];
  const openedFiles: string[] = [];
  const shownInFolder: string[] = [];
  const session = new Session(
    dataDir,
    (event, payload) => {
      for (const c of clients) c.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    },
    { clock: opts.clock ?? clockOnDay(TEST_TODAY), checkJournalInBackground: true },
  );
  const platform: Platform = {
    appVersion: 'e2e',
    chooseFolder: async () => chooseFolderAnswer.value,
    openExternal: async (url) => void opened.push(url),
    rememberDataDir: () => {},
    // The save dialog answers with a file in the test's own folder, or cancels when told to.
    chooseSaveFile: async ({ defaultName }) => {
      await saveAnswer.held;
      return saveAnswer.cancel ? null : join(saveAnswer.folder ?? dataDir, defaultName);
    },
    chooseOpenFile: async ({ title }) => {
      openDialogs.push(title);
      return openAnswer.file;
    },
    openPath: async (path) => void openedFiles.push(path),
    showInFolder: (path) => void shownInFolder.push(path),
    // The PDF pack is laid out in the system's Chromium, as `quorum pack` does (the app uses Electron's own).
    startPdfPrinter: async () => {
      const printer = await launchChromiumPrinter();
      return { ...printer, print: async (doc) => printer.print(doc).finally(() => void printsFinished.count++) };
    },
  };
  const dispatch = createDispatcher(createHandlers(session, platform));

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname.startsWith('/ipc/') && req.method === 'POST') {
        if (req.headers['x-quorum-token'] !== token) return void res.writeHead(403).end();
        const chunks: Buffer[] = [];
        for await (const c of req) chunks.push(c as Buffer);
        let input: unknown;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        } catch {
          input = Symbol('unparsable');
        }
        const result = await dispatch(decodeURIComponent(url.pathname.slice(5)), input);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        return;
      }
      if (url.pathname === '/events') {
        if (url.searchParams.get('token') !== token) return void res.writeHead(403).end();
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return;
      }
      if (url.pathname === '/quorum-bridge.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(BRIDGE_SCRIPT));
        return;
      }
      const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      const file = normalize(join(RENDERER_DIR, path));
      if (!file.startsWith(RENDERER_DIR + sep)) return void res.writeHead(403).end();
      let body: Buffer | string = await readFile(file);
      if (path === '/index.html')
        body = body.toString('utf8').replace('<head>', `<head>\n    <script src="./quorum-bridge.js" data-token="${token}" data-channels='${JSON.stringify(CHANNELS)}'></script>`);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      if (!res.headersSent) res.writeHead(404).end('Not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    session,
    opened,
    chooseFolderAnswer,
    saveAnswer,
    printsFinished,
    openAnswer,
    openDialogs,
    openedFiles,
    shownInFolder,
    close: async () => {
      for (const c of clients) c.end();
      await new Promise<void>((r) => server.close(() => r()));
      session.close();
    },
  };
};
