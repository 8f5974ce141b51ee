import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { WAIT } from './waits';

export const SOFFICE = process.env.QUORUM_SOFFICE ?? '/usr/bin/soffice';

/** Converts a file with LibreOffice (headless, its own profile); fails with the install line when it is missing. */
export const convertWithLibreOffice = (file: string, to: 'pdf' | 'odt'): string => convertWith(file, to);

const convertWith = (file: string, to: 'pdf' | 'odt' | 'fodt' | 'docx'): string => {
  if (!existsSync(SOFFICE))
    throw new Error(`LibreOffice is needed for this test: apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils fonts-crosextra-carlito fonts-liberation2 (or set QUORUM_SOFFICE)`);
  const outDir = mkdtempSync(join(tmpdir(), 'quorum-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'quorum-lo-'));
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file], { stdio: 'pipe', timeout: WAIT.readerRun });
  return join(outDir, basename(file).replace(/\.[^.]+$/, `.${to}`));
};

/** Word files saved again by LibreOffice (File > Save as Word), in one run: LibreOffice-written papers for the import tests. */
export const savedByLibreOffice = (files: string[]): string[] => {
  if (!existsSync(SOFFICE)) throw new Error(`LibreOffice is needed for this test: apt-get install -y --no-install-recommends libreoffice-writer-nogui (or set QUORUM_SOFFICE)`);
  const outDir = mkdtempSync(join(tmpdir(), 'quorum-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'quorum-lo-'));
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, ...files], { stdio: 'pipe', timeout: WAIT.readerRun });
  return files.map((f) => join(outDir, basename(f)));
};

/** The text of an OpenDocument file's content.xml, as LibreOffice saved it. */
export const odtContent = (odt: string): string => strFromU8(unzipSync(readFileSync(odt))['content.xml']);

/** Debian's Python, which has LibreOffice's UNO bridge (python3-uno). */
export const UNO_PYTHON = process.env.QUORUM_UNO_PYTHON ?? '/usr/bin/python3';
const REVIEW = fileURLToPath(new URL('./uno/review.py', import.meta.url));
/**
 * Without faketime's preload (npm run test:any-date): Python's sleep fails under it while waiting
 * for LibreOffice, and what LibreOffice does to a document does not depend on the date.
 */
const realClockEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k, v]) => !/^FAKETIME/.test(k) && !(k === 'LD_PRELOAD' && /faketime/.test(v ?? ''))));
const runReview = (args: string[]) => {
  try {
    execFileSync(UNO_PYTHON, [REVIEW, ...args], { stdio: 'pipe', timeout: WAIT.readerRun, env: { ...realClockEnv(), QUORUM_LIBREOFFICE_START_SECONDS: String(WAIT.libreOfficeStartSeconds) } });
  } catch (err) {
    const said = String((err as { stderr?: Buffer }).stderr ?? '');
    if (/No module named 'uno'|ENOENT/.test(said + String(err)))
      throw new Error(`LibreOffice's Python bridge is needed for this test: apt-get install -y --no-install-recommends python3-uno libreoffice-writer-nogui (or set QUORUM_UNO_PYTHON)`);
    throw new Error(`LibreOffice (test/uno/review.py ${args[0]}) failed: ${said.slice(-800)}`);
  }
};

/**
 * LibreOffice acting on a Word file through UNO (test/uno/review.py): its text as LibreOffice
 * shows it (one line a paragraph), after Accept All or Reject All, or a partner's copy saved back;
 * with `-runs`, each line carries its list level and its runs' bold, italics and links.
 * Works on a copy in a folder of its own, so LibreOffice's lock file never lands beside the original.
 */
export const withLibreOffice = (mode: 'text' | 'accept' | 'reject' | 'text-runs' | 'accept-runs' | 'reject-runs', file: string): string[] => {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-uno-'));
  const copy = join(dir, basename(file));
  copyFileSync(file, copy);
  const out = join(dir, 'text.txt');
  runReview([mode, copy, out]);
  return readFileSync(out, 'utf8').split('\n');
};

/**
 * Each file's numbered paragraphs as LibreOffice numbers them ("1.1 The audit read 40 cases."),
 * in one LibreOffice run: a second independent reader of Word's list numbers, which pandoc starts
 * again where Word continues them. null for a file LibreOffice cannot open.
 */
export const numberedByLibreOffice = (files: string[]): Record<string, string[] | null> => {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-uno-'));
  const out = join(dir, 'labels.json');
  runReview(['labels', out, ...files]);
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, string[] | null>;
};

export const partnerCopyByLibreOffice = (file: string, spec: { author: string; reject?: string; deleteInInsertion?: string }): string => {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-uno-'));
  const copy = join(dir, basename(file));
  copyFileSync(file, copy);
  const out = join(dir, 'returned.docx');
  runReview(['partner', copy, out, JSON.stringify(spec)]);
  return out;
};

/**
 * A comment added by LibreOffice on the last words of a paragraph: the copy goes to LibreOffice's
 * flat XML, the comment is written there as LibreOffice writes one (office:annotation …
 * office:annotation-end), and LibreOffice saves it back as .docx.
 */
export const commentByLibreOffice = (file: string, comment: { author: string; passage: string; text: string }): string => {
  const fodt = convertWith(file, 'fodt');
  const xml = readFileSync(fodt, 'utf8');
  const at = xml.indexOf(`${comment.passage}</text:p>`);
  if (at < 0) throw new Error(`The passage “${comment.passage}” does not end a paragraph in ${basename(file)}`);
  const annotated =
    xml.slice(0, at) +
    `<office:annotation office:name="q1"><dc:creator>${comment.author}</dc:creator><dc:date>2026-12-01T10:00:00</dc:date><text:p>${comment.text}</text:p></office:annotation>` +
    comment.passage +
    '<office:annotation-end office:name="q1"/>' +
    xml.slice(at + comment.passage.length);
  writeFileSync(fodt, annotated);
  return convertWith(fodt, 'docx');
};
