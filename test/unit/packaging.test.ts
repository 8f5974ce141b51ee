import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
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
    for (const renderOnly of ['react', 'react-dom', '@fluentui/react-components']) expect(pkg.dependencies[renderOnly]).toBeUndefined();
  });
});
