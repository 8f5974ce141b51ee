import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export const SOFFICE = process.env.QUORUM_SOFFICE ?? '/usr/bin/soffice';

/** Converts a file with LibreOffice (headless, its own profile); fails with the install line when it is missing. */
export const convertWithLibreOffice = (file: string, to: 'pdf' | 'odt'): string => {
  if (!existsSync(SOFFICE))
    throw new Error(`LibreOffice is needed for this test: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito fonts-liberation2 (or set QUORUM_SOFFICE)`);
  const outDir = mkdtempSync(join(tmpdir(), 'quorum-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'quorum-lo-'));
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { stdio: 'pipe', timeout: 120_000 });
  return join(outDir, basename(file).replace(/\.[^.]+$/, `.${to}`));
};

/** The text of an OpenDocument file's content.xml, as LibreOffice saved it. */
export const odtContent = (odt: string): string => strFromU8(unzipSync(readFileSync(odt))['content.xml']);
