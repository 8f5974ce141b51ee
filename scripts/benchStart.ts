/**
 * The CLI from a cold start, as a script or a council's scheduler runs it: `quorum --help` and
 * `quorum check` on the example, each a fresh Node process running the built CLI, alternated for
 * seven rounds (npm run bench; scripts/measure.ts for what is measured). Node starting with nothing
 * to run is timed beside them: how busy the machine was shows there, since Quorum cannot start
 * faster than Node does.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { markdownTable } from './table';
import { fmt, measureProcess, median, type Measured } from './measure';

export const compareCliStart = async (opts: { root: string; scratch: string; rounds?: number }): Promise<string> => {
  const quorum = join(opts.root, 'bin', 'quorum.js');
  const example = join(opts.scratch, 'start-example');
  execFileSync(process.execPath, [quorum, 'example', '--data', example], { stdio: 'pipe' });
  const runs: { what: string; args: string[]; runs: Measured[]; target?: number }[] = [
    { what: 'Node itself, for scale: `node -e 0`', args: ['-e', '0'], runs: [] },
    { what: '`quorum --help`', args: [quorum, '--help'], runs: [], target: 0.3 },
    { what: '`quorum check` on the example', args: [quorum, 'check', '--data', example], runs: [], target: 0.3 },
  ];
  for (const r of runs) await measureProcess(process.execPath, r.args); // the file cache warmed, as on a machine in use
  for (let round = 0; round < (opts.rounds ?? 7); round++) for (const r of round % 2 ? [...runs].reverse() : runs) r.runs.push(await measureProcess(process.execPath, r.args));
  return markdownTable(
    ['Command (a fresh process)', 'Wall, median (fastest)', 'CPU, median', 'Peak memory', 'Target', 'Result'],
    runs.map((r) => {
      const wall = median(r.runs.map((x) => x.seconds));
      const target = r.target === undefined ? ['', ''] : [`≤ ${fmt(r.target)}`, wall <= r.target ? 'met' : 'MISSED'];
      return [r.what, `${fmt(wall)} (${fmt(Math.min(...r.runs.map((x) => x.seconds)))})`, fmt(median(r.runs.map((x) => x.cpuSeconds))), `${Math.round(Math.max(...r.runs.map((x) => x.peakMiB)))} MiB`, ...target];
    }),
  );
};
