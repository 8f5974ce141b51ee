import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';


/**
 * A CouchDB-protocol server for the team tests: pouchdb-server (npm), in memory, on 127.0.0.1, in
 * a scratch folder (it writes its config and log into its working folder). Started and stopped by
 * the tests themselves, so CI needs nothing running beforehand.
 */
export type CouchServer = { url: string; admin: { name: string; password: string }; stop(): Promise<void> };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const bin = join(import.meta.dirname, 'couchServer', 'main.cjs');

export const startCouchServer = async (opts: { admin?: boolean } = {}): Promise<CouchServer> => {
  const folder = mkdtempSync(join(tmpdir(), 'quorum-couch-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server stopped at start:\n${log}`);
    try {
      const res = await fetch(url);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`pouchdb-server did not start in 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const admin = { name: 'itadmin', password: 'It-admin-password-1' };
  if (opts.admin !== false) {
    const res = await fetch(`${url}/_config/admins/${admin.name}`, { method: 'PUT', body: JSON.stringify(admin.password) });
    if (!res.ok) throw new Error(`Could not create the server admin: ${res.status} ${await res.text()}`);
  }
  return {
    url,
    admin,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
};

/** A request to the test server as someone (or no one), for reading back what the server holds. */
export const couch = async (url: string, method: string, path: string, as?: { name: string; password: string }, body?: unknown) => {
  const res = await fetch(`${url}/${path}`, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(as ? { authorization: `Basic ${Buffer.from(`${as.name}:${as.password}`).toString('base64')}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> & { reason?: string; error?: string } };
};
