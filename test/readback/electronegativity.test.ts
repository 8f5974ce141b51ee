import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { WAIT } from '../waits';

const root = resolve(import.meta.dirname, '../..');
const scanner = join(root, 'node_modules/@doyensec/electronegativity');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version as string;

/**
 * Runs the scanner through its documented programmatic entry (`run(options)`, the package's main), in a child
 * process of its own, and writes what it found as JSON in one synchronous write. Its CLI's CSV output is written
 * by two unawaited `fs.writeFile` calls (the header truncating, the rows appending), which race: on a busy
 * machine the report came out torn, three scans in a row. (Its stdout carries notes about fetching Electron's
 * releases, hence a file rather than stdout.)
 */
const scanScript = `
const run = require(process.argv[1]);
const options = JSON.parse(process.argv[2]);
const report = process.argv[3];
run(options).then((r) => {
  const findings = r.issues.map((i) => ({ issue: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file, location: i.location.line + ':' + i.location.column }));
  require('node:fs').writeFileSync(report, JSON.stringify({ errors: r.errors.length, findings }));
}, (e) => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); });
`;

type Finding = { issue: string; severity: string; confidence: string; file: string; location: string };

describe('electronegativity on the app’s source', () => {
  it('finds nothing of high or medium severity at firm or certain confidence', { timeout: WAIT.readBack }, () => {
    const t = tempDir('quorum-eneg-');
    try {
      // The main process, preload and renderer as shipped, without build output or dependencies.
      cpSync(join(root, 'main'), join(t.dir, 'main'), { recursive: true });
      cpSync(join(root, 'renderer'), join(t.dir, 'renderer'), { recursive: true });
      cpSync(join(root, 'package.json'), join(t.dir, 'package.json'));
      // PreloadJSCheck asks for any preload to be reviewed: ours exposes exactly the contract (test/main/preload.test.ts).
      // The scanner reads files, not dates, so it runs on the real clock, outside .ci/run's faketime pass.
      const env = { ...process.env, LD_PRELOAD: '', FAKETIME: '' };
      const options = { input: t.dir, isRelative: true, electronVersionOverride: electronVersion, excludeFromScan: ['preloadjscheck'], customScan: [] };
      const report = join(t.dir, 'report.json');
      execFileSync(process.execPath, ['-e', scanScript, scanner, JSON.stringify(options), report], { stdio: 'pipe', timeout: WAIT.readerRun, env });
      const { errors, findings } = JSON.parse(readFileSync(report, 'utf8')) as { errors: number; findings: Finding[] };
      // Every file was parsed, and the report was read: it always names its low-severity notes (e.g. the CSP it found).
      expect(errors).toBe(0);
      expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) expect(f.file).toMatch(/^(main|renderer)\/|package\.json$/);
      const serious = findings.filter((f) => ['HIGH', 'MEDIUM'].includes(f.severity) && ['FIRM', 'CERTAIN'].includes(f.confidence));
      expect(serious).toEqual([]);
      // What remains are prompts to review each openExternal: every one passes checkExternalLink's allow-list.
      for (const f of findings.filter((x) => x.severity !== 'LOW')) expect(f.issue).toBe('OPEN_EXTERNAL_JS_CHECK');
    } finally {
      t.cleanup();
    }
  });
});
