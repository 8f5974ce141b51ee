/**
 * How long the tests wait for what depends on the machine's speed, named once. A busy 2-core CI
 * runner is several times slower than a quiet laptop, so each is generous: a wait that runs out
 * should mean something is wrong, never that the machine was busy. A test that needs longer than
 * vitest's default says which of these it waits for.
 */
export const WAIT = {
  /** Any one test, unless it says otherwise (vitest.config.ts). */
  test: 60_000,
  /** LibreOffice starting headless until its UNO bridge answers, in seconds (test/uno/review.py). */
  libreOfficeStartSeconds: 90,
  /** One LibreOffice or pandoc run: start, convert or edit, close. */
  readerRun: 180_000,
  /** A test that reads its output back with LibreOffice or pandoc, or lays a PDF out in Chromium. */
  readBack: 300_000,
  /** A test of several processes: a real CouchDB with replicas, or a writer killed again and again. */
  processes: 300_000,
  /** Two officers' replicas agreeing through the team's CouchDB. */
  sync: 30_000,
  /** An e2e step that waits for a pack or the website to be built on the screen. */
  screenBuild: 120_000,
} as const;
