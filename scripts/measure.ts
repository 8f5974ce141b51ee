/**
 * What a whole process costs, as the bench prints it: wall time, CPU time and peak memory of the
 * process and of every process it starts (Chromium's, LibreOffice's), read from /proc every 20 ms
 * while it runs. CPU is the sum over the process tree of each process's user and system time as
 * last seen (a process that ends between two readings loses at most 20 ms); memory is the peak
 * resident set of the process itself and, separately, the peak of its helpers' proportional sets
 * (PSS: a page several of Chromium's processes share is counted once, in shares) added together
 * at one reading. Linux only (the bench's machine).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export type Measured = { seconds: number; cpuSeconds: number; peakMiB: number; helpersPeakMiB: number };

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux
const PAGE_BYTES = 4096; // getconf PAGESIZE

type Stat = { pid: number; ppid: number; ticks: number; rssBytes: number };
const readStat = (pid: number): Stat | undefined => {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name is in parentheses and may hold spaces: the fields follow its last ')'.
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), rssBytes: Number(f[21]) * PAGE_BYTES };
  } catch {
    return undefined; // it ended
  }
};

/** A process's proportional set size in bytes (/proc/PID/smaps_rollup), or its resident set if that cannot be read. */
const pssBytes = (s: Stat): number => {
  try {
    const kib = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${s.pid}/smaps_rollup`, 'latin1'))?.[1];
    return kib ? Number(kib) * 1024 : s.rssBytes;
  } catch {
    return s.rssBytes;
  }
};

const processTree = (root: number): Stat[] => {
  const all = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map((n) => readStat(Number(n)))
    .filter((s): s is Stat => s !== undefined);
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const out: Stat[] = [];
  const self = all.find((s) => s.pid === root);
  const walk = (s: Stat) => {
    out.push(s);
    for (const c of children.get(s.pid) ?? []) walk(c);
  };
  if (self) walk(self);
  return out;
};

/**
 * Reads a process tree as it runs (call `sample` every 20 ms): each process's CPU ticks since
 * `since` gave them, the root's peak resident set, and its helpers' peak proportional set. The
 * helpers' shares are read every 12th time (240 ms): reading them walks each process's memory
 * map, which would cost a large browser real time if done every 20 ms.
 */
const treeReader = (root: number, since: ReadonlyMap<number, number> = new Map()) => {
  const ticks = new Map<number, number>();
  let peak = 0;
  let helpersPeak = 0;
  let readings = 0;
  return {
    sample() {
      const shares = readings++ % 12 === 0;
      let helpers = 0;
      for (const s of processTree(root)) {
        ticks.set(s.pid, Math.max(ticks.get(s.pid) ?? 0, s.ticks - (since.get(s.pid) ?? 0)));
        if (s.pid === root) peak = Math.max(peak, s.rssBytes);
        else if (shares) helpers += pssBytes(s);
      }
      if (shares) helpersPeak = Math.max(helpersPeak, helpers);
    },
    /** CPU seconds of the whole tree, or of the helpers alone. */
    cpuSeconds: (helpersOnly = false) => [...ticks].reduce((sum, [pid, t]) => (helpersOnly && pid === root ? sum : sum + t), 0) / TICKS_PER_SECOND,
    peakMiB: () => peak / 1024 / 1024,
    helpersPeakMiB: () => helpersPeak / 1024 / 1024,
  };
};

/** Runs `command` to its end, measuring it; refuses (with its last output) when it fails. */
export const measureProcess = (command: string, args: readonly string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
    const tree = child.pid === undefined ? undefined : treeReader(child.pid);
    const timer = setInterval(() => tree?.sample(), 20);
    child.once('spawn', () => tree?.sample());
    child.once('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.once('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`));
      resolve({ seconds, cpuSeconds: tree?.cpuSeconds() ?? 0, peakMiB: tree?.peakMiB() ?? 0, helpersPeakMiB: tree?.helpersPeakMiB() ?? 0 });
    });
  });

/**
 * Runs `work` in this process, measuring its wall and CPU time (every thread's) and this process's
 * peak resident set meanwhile; with `helpers`, the processes it starts too (a browser laying a PDF
 * out): their CPU added, their peak proportional set given apart, as measureProcess reads them.
 */
export const measureHere = async (work: () => Promise<unknown>, opts: { helpers?: boolean } = {}): Promise<Measured> => {
  let peak = process.memoryUsage.rss();
  const tree = opts.helpers ? treeReader(process.pid, new Map(processTree(process.pid).map((s) => [s.pid, s.ticks]))) : undefined;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    tree?.sample();
  }, opts.helpers ? 20 : 10);
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  peak = Math.max(peak, process.memoryUsage.rss());
  // This process's own CPU from process.cpuUsage (finer than /proc's ticks); its helpers' from the tree.
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 + (tree?.cpuSeconds(true) ?? 0), peakMiB: peak / 1024 / 1024, helpersPeakMiB: tree?.helpersPeakMiB() ?? 0 };
};

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
export const median = (xs: readonly number[]) => sorted(xs)[Math.floor(xs.length / 2)];

export const fmt = (seconds: number) => (seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`);
