import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';

/**
 * The team replica's one native part, LevelDB through leveldown, loads in Electron's main process
 * without a rebuild: it ships N-API prebuilds (one binary for every Node and Electron version) for
 * each platform the installers target, the built main process imports PouchDB from node_modules
 * rather than bundling it, and the installer unpacks leveldown from the asar.
 */
const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '../..');
const leveldown = dirname(require.resolve('leveldown/package.json', { paths: [dirname(require.resolve('pouchdb'))] }));

describe('the replica’s native module', () => {
  it('has an N-API prebuild for Windows, macOS and Linux, and this process loads one', () => {
    for (const platform of ['win32-x64', 'darwin-x64+arm64', 'linux-x64']) {
      const folder = join(leveldown, 'prebuilds', platform);
      expect(existsSync(folder), platform).toBe(true);
      expect(readdirSync(folder).some((f) => /^node\.napi\b.*\.node$/.test(f)), platform).toBe(true);
    }
    const gypBuild = require(require.resolve('node-gyp-build', { paths: [leveldown] })) as { path(dir: string): string };
    expect(gypBuild.path(leveldown)).toMatch(/prebuilds[/\\][^/\\]+[/\\]node\.napi[^/\\]*\.node$/);
  });

  it('is imported, not bundled, by the built main process, and unpacked from the asar by the installer', () => {
    const chunks = readdirSync(join(root, 'out/main')).filter((f) => f.endsWith('.js'));
    const team = chunks.filter((f) => readFileSync(join(root, 'out/main', f), 'utf8').includes('class TeamStore'));
    expect(team).toHaveLength(1);
    expect(readFileSync(join(root, 'out/main', team[0]), 'utf8')).toMatch(/^import PouchDB from "pouchdb";$/m);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.pouchdb).toBeDefined();
    const builder = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { asarUnpack?: string[] };
    expect(builder.asarUnpack).toContain('**/node_modules/leveldown/**');
  });
});
