import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * shared/'s sub-folders form layers (eslint.config.js, SHARED_LAYERS: schema ← data and views ← kernel ← rules ← pack ←
 * exports ← publish ← features ← operations ← the bridge): a value import may only go down. This reads the
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

/** Where an import in `from` points: a relative path or the renderer's @shared alias, as a .ts/.tsx file. */
const project = resolve(import.meta.dirname, '../..');
const resolveImport = (from: string, spec: string): string | undefined => {
  const base = spec.startsWith('@shared/') ? join(project, 'shared', spec.slice('@shared/'.length)) : spec.startsWith('.') ? resolve(dirname(from), spec) : undefined;
  if (!base) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => /\.tsx?$/.test(f) && exists.has(f));
};
const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourcesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
const everySource = ['main', 'shared', 'renderer/src'].flatMap((d) => sourcesUnder(join(project, d)));
const exists = new Set(everySource);

/** File → the files it imports at run time (static and dynamic imports; type-only ones vanish). */
const fileGraph = (files: { path: string; text: string }[]) => {
  const edges = new Map<string, Set<string>>();
  for (const { path, text } of files) {
    const targets = new Set<string>();
    for (const m of text.matchAll(/^(?:import|export) (type )?([^;]*?) from '([^']+)';|import\('([^']+)'\)/gm)) {
      const spec = m[3] ?? m[4];
      if (m[3] && (m[1] || (/^\{[^}]*\}$/.test(m[2].trim()) && m[2].replace(/[{}]/g, '').split(',').every((x) => !x.trim() || x.trim().startsWith('type '))))) continue;
      const target = resolveImport(path, spec);
      if (target) targets.add(target);
    }
    edges.set(path, targets);
  }
  return edges;
};

/** The groups of files that import one another round a circle (Tarjan's strongly connected components). */
const circlesIn = (edges: Map<string, Set<string>>): string[][] => {
  let index = 0;
  const at = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const connect = (v: string) => {
    at.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!at.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, at.get(w)!));
    }
    if (low.get(v) === at.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(relative(project, w));
      } while (w !== v);
      if (group.length > 1 || edges.get(v)?.has(v)) circles.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!at.has(v)) connect(v);
  return circles;
};

describe('no import circles anywhere', () => {
  it('main/, shared/ and the renderer import in one direction, file by file', () => {
    const graph = fileGraph(everySource.map((path) => ({ path, text: readFileSync(path, 'utf8') })));
    expect(graph.get(join(project, 'main/services/effects.ts'))?.size).toBeGreaterThan(5); // the graph was read
    expect(circlesIn(graph)).toEqual([]);
  });

  it('would catch one: effects importing team effects that import effects', () => {
    const effects = join(project, 'main/services/effects.ts');
    const teamEffects = join(project, 'main/services/teamEffects.ts');
    const files = [
      { path: effects, text: "import { createTeamEffects } from './teamEffects';\n" },
      { path: teamEffects, text: "import { cancelled } from './effects';\n" },
    ];
    expect(circlesIn(fileGraph(files))).toEqual([['main/services/effects.ts', 'main/services/teamEffects.ts']]);
  });
});

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
