import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { coerce, satisfies } from 'semver';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const builder = load(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')) as Record<string, never>;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));

describe('packaging', () => {
  it('builds Quorum installers for Windows, macOS and Linux from the built output only', () => {
    expect(builder).toMatchObject({ productName: 'Quorum', appId: expect.stringMatching(/\w+\.\w+/), win: { target: 'nsis' }, mac: { target: 'dmg' } });
    expect((builder.linux as { target: string[] }).target).toEqual(['AppImage', 'deb']);
    expect((builder.files as string[]).filter((f) => !f.startsWith('!'))).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
  });

  it('sets the Electron fuses the security checklist asks for', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('is the quorum package with a quorum command, on Electron 45.4 or later', () => {
    expect(pkg.name).toBe('quorum');
    expect(pkg.bin).toEqual({ quorum: 'bin/quorum.js' });
    const [major, minor] = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '').split('.').map(Number);
    expect(major > 45 || (major === 45 && minor >= 4)).toBe(true);
    // Renderer-only libraries stay out of `dependencies`, which electron-builder copies into app.asar.
    for (const renderOnly of ['react', 'react-dom', '@fluentui/react-components', '@tiptap/react', '@tiptap/starter-kit', '@tiptap/markdown', '@tiptap/pm', '@tiptap/core']) expect(pkg.dependencies[renderOnly]).toBeUndefined();
  });

  it('ships no package that only the CLI or the tests use', () => {
    // pouchdb-server is the tests' CouchDB: never a dependency. playwright-core drives Chromium for the
    // CLI's PDFs; the app prints with Electron's own, so the installer leaves it out.
    expect(pkg.dependencies['pouchdb-server']).toBeUndefined();
    expect(builder.files as string[]).toContain('!**/node_modules/playwright-core/**');
  });

  it('loads nothing at run time that asks for a newer Node than the one the README names', () => {
    const node = coerce(String(pkg.engines.node))!.version; // ">=20.19" → 20.19.0
    expect(readFileSync(resolve(root, 'README.md'), 'utf8')).toContain(`Needs Node ${node.split('.').slice(0, 2).join('.')} or later`);
    // Every package `npm ci` installs for the app and the CLI (not devDependencies, which only build and test).
    const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; engines?: { node?: string } | string[] }> };
    const tooNew = Object.entries(lock.packages)
      .filter(([path, p]) => path && !p.dev && !Array.isArray(p.engines) && p.engines?.node && !satisfies(node, p.engines.node))
      .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')} needs Node ${(p.engines as { node: string }).node}`);
    expect(tooNew).toEqual([]);
  });
});
