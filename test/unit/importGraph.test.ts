import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * shared/'s sub-folders form layers (schema and the root helpers ← rules ← pack ← exports ←
 * features ← operations; kernel under features): a value import may only go down. This reads the
 * real import statements (type-only imports vanish at run time and are left out) and looks for
 * a cycle between folders, a root file counting as a folder of its own.
 */
const root = resolve(import.meta.dirname, '../../shared');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

/** shared/rules/x.ts → "rules"; shared/data.ts → "data.ts". */
const nodeOf = (file: string) => relative(root, file).split('/')[0];

const folderGraph = (files: { path: string; text: string }[]) => {
  const edges = new Map<string, Set<string>>();
  for (const { path, text } of files)
    for (const m of text.matchAll(/^(?:import|export) (type )?([^;]*?) from '(\.[^']+)';/gm)) {
      const onlyTypes = /^\{[^}]*\}$/.test(m[2].trim()) && m[2].replace(/[{}]/g, '').split(',').every((x) => !x.trim() || x.trim().startsWith('type '));
      if (m[1] || onlyTypes) continue;
      const target = resolve(dirname(path), m[3]);
      const from = nodeOf(path);
      const to = nodeOf(target.endsWith('.ts') ? target : `${target}.ts`);
      if (from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  return edges;
};

/** Every cycle's path, found by depth-first search. */
const cyclesIn = (edges: Map<string, Set<string>>): string[][] => {
  const found: string[][] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of edges.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next]);
      else visit(next, [...path, next]);
    }
  };
  for (const start of edges.keys()) visit(start, [start]);
  return found;
};

describe('the import graph of shared/', () => {
  it('has no cycle between folders', () => {
    const files = filesUnder(root).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    const graph = folderGraph(files);
    expect(graph.get('features')).toContain('rules'); // the graph was read
    expect(cyclesIn(graph)).toEqual([]);
  });

  it('would catch one: rules importing a feature that imports rules', () => {
    const files = [
      { path: join(root, 'rules/view.ts'), text: "import { draft } from '../features/meetings';\n" },
      { path: join(root, 'features/meetings.ts'), text: "import { view } from '../rules/view';\nimport type { X } from '../operations';\n" },
    ];
    expect(cyclesIn(folderGraph(files))[0]).toEqual(['rules', 'features', 'rules']);
  });
});
