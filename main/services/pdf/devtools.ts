import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * A headless Chromium, Chrome or Edge spoken to over the DevTools protocol on a pipe
 * (`--remote-debugging-pipe`: JSON messages ending in a NUL byte, the browser reading on its file
 * descriptor 3 and writing on 4). The CLI prints PDFs with it: starting it costs what the browser
 * costs, where loading a general browser-automation library cost 0.6 s before the browser was even
 * asked for (docs/ARCHITECTURE.md, "The PDF pack"). Only what printing needs is here.
 */
export type DevtoolsBrowser = {
  /** A command to the browser (no session) or to an attached page (its session). */
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, sessionId?: string): Promise<T>;
  /** Calls `listener` with each event of this name (from any session) until the returned function is called. */
  on(method: string, listener: (params: Record<string, unknown>, sessionId?: string) => void): () => void;
  close(): Promise<void>;
  /** Rejects, saying why, once the browser has stopped (closed, or gone): a wait for an event gives up with it. */
  stopped: Promise<never>;
};

type Pending = { resolve: (v: never) => void; reject: (e: Error) => void; method: string };

/**
 * Starts the browser with a profile of its own in a temporary folder (removed on close), and
 * resolves once it answers. `env` is the browser's whole environment.
 */
export const startDevtoolsBrowser = async (executablePath: string, env: Record<string, string>): Promise<DevtoolsBrowser> => {
  const profile = mkdtempSync(join(tmpdir(), 'quorum-browser-'));
  const args = [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    '--no-sandbox',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-extensions',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--mute-audio',
    '--hide-scrollbars',
    '--password-store=basic',
    '--use-mock-keychain',
    // No first tab: the printer opens its page in a browser context of its own, and the tab
    // Chromium would open first cost a renderer process of its own (~300 pages: 0.9 s wall, 1.4 s CPU).
    '--no-startup-window',
    // No omnibox popup: Chromium 156's headless mode preloads the address bar's popup (a WebUI page,
    // chrome://omnibox-popup.top-chrome/) in a renderer of its own with every window, though a
    // printer never shows it (~300 pages: 0.6–0.7 s CPU). Names a Chromium does not know are ignored.
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup',
  ];
  let child: ChildProcess;
  try {
    child = spawn(executablePath, args, { env, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], windowsHide: true });
  } catch (err) {
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  const toBrowser = child.stdio[3] as Writable;
  const fromBrowser = child.stdio[4] as Readable;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(params: Record<string, unknown>, sessionId?: string) => void>>();
  let ended: Error | undefined;
  let stop = (_why: Error) => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => undefined); // seen by whoever waits on an event, or by nobody
  const end = (why: Error) => {
    if (ended) return;
    ended = why;
    for (const p of pending.values()) p.reject(why);
    pending.clear();
    stop(why);
  };
  const started = new Promise<void>((resolve, reject) => {
    child.once('error', (err) => {
      end(err);
      reject(err);
    });
    child.once('spawn', () => resolve());
  });
  let closing: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    end(new Error(`The browser stopped (${signal ?? `exit code ${code}`})${stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`));
    rmSync(profile, { recursive: true, force: true });
  });
  toBrowser.on('error', (err) => end(err));
  let buffered: Buffer[] = [];
  fromBrowser.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let nul = chunk.indexOf(0); nul >= 0; nul = chunk.indexOf(0, start)) {
      buffered.push(chunk.subarray(start, nul));
      const text = Buffer.concat(buffered).toString('utf8');
      buffered = [];
      start = nul + 1;
      const message = JSON.parse(text) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown>; sessionId?: string };
      if (message.id !== undefined) {
        const p = pending.get(message.id);
        pending.delete(message.id);
        if (!p) continue;
        if (message.error) p.reject(new Error(`${p.method}: ${message.error.message}`));
        else p.resolve(message.result as never);
      } else if (message.method) for (const l of listeners.get(message.method) ?? []) l(message.params ?? {}, message.sessionId);
    }
    if (start < chunk.length) buffered.push(chunk.subarray(start));
  });
  const send: DevtoolsBrowser['send'] = (method, params = {}, sessionId) => {
    if (ended) return Promise.reject(ended);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: never) => void, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  };
  try {
    await started;
    await send('Browser.getVersion');
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
  return {
    send,
    stopped,
    on(method, listener) {
      const set = listeners.get(method) ?? new Set();
      set.add(listener);
      listeners.set(method, set);
      return () => set.delete(listener);
    },
    close: () => (closing ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    })()),
  };
};
