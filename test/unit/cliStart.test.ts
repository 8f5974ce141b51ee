import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue: a CLI that starts at once. `quorum --help` (and a mistyped option) is answered from the
 * verbs' declarations alone (main/cli/verbs.ts): the built entry, and every chunk it loads before
 * a verb runs, imports nothing but Node's own modules — not the store, the pack, team mode or a
 * calendar library, which cost a second between them. Read from the built out/ files.
 */
const OUT = resolve(import.meta.dirname, '../../out/main');
const staticImports = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^import\s+(?:[^;'"]*?\s+from\s+)?"([^"]+)";?/gm)].map((m) => m[1]);

const loadedAtStart = (entry: string): { chunks: string[]; packages: string[] } => {
  const chunks = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (chunks.has(file)) return;
    chunks.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { chunks: [...chunks], packages: [...packages] };
};

describe('quorum starts at once', () => {
  it('loads only Node’s own modules before a verb runs', () => {
    const { packages } = loadedAtStart(join(OUT, 'cli.js'));
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual([]);
  });

  it('answers --help from the declarations, every verb listed', () => {
    const started = process.hrtime.bigint();
    const help = execFileSync(process.execPath, ['bin/quorum.js', '--help'], { encoding: 'utf8' });
    console.log(`quorum --help: ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`);
    for (const verb of ['example', 'check', 'init', 'import', 'call', 'pack', 'export', 'publish', 'team', 'obligations', 'outbox', 'search']) expect(help).toMatch(new RegExp(`^  ${verb} `, 'm'));
  });
});
