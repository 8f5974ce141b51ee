import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hostile from '../fixtures/hostileFiles';
import { lyingBomb } from '../fixtures/zipBombs';
import { tempDir } from '../helpers';

/**
 * Issue: no input takes Quorum down. Files built to exhaust an importer (a giant paragraph, a giant
 * cell, deep nesting, many tiny runs, a zip bomb, a CSV millions of columns wide) go through the
 * built `quorum import` in a process of their own, whose peak memory the kernel measures
 * (getrusage, test/readback/peakMemory.cjs). Each stays under 512 MiB; what is refused is refused
 * in seconds, in words that say which limit and what to do, and nothing is written. The memory
 * and time of each are printed.
 */
const run = promisify(execFile);
const BUDGET_MIB = 512;
/** Seconds a refusal may take on a busy two-core CI runner (a quiet machine takes 1 to 5). */
const REFUSED_WITHIN_S = 20;
const t = tempDir();
const data = join(t.dir, 'data');
const store = () => readFileSync(join(data, 'quorum.json'), 'utf8');

type Outcome = { answer: { ok?: boolean; imported?: boolean; characters?: number; error?: { code: string; message: string } }; peakMiB: number; seconds: number };
const quorum = async (name: string, bytes: Uint8Array, args: (file: string) => string[]): Promise<Outcome> => {
  const file = join(t.dir, name);
  writeFileSync(file, bytes);
  const peakFile = `${file}.peak`;
  const started = process.hrtime.bigint();
  const r = await run(process.execPath, ['--require', join(__dirname, 'peakMemory.cjs'), 'bin/quorum.js', ...args(file), '--json'], {
    env: { ...process.env, QUORUM_PEAK_MEMORY_FILE: peakFile },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((err: { stdout: string }) => ({ stdout: err.stdout }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakMiB = Number(readFileSync(peakFile, 'utf8')) / 1024;
  // The figures the issue asks to see, one line a file.
  console.log(`${name}: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB on disk, ${seconds.toFixed(1)} s, peak ${Math.round(peakMiB)} MiB`);
  return { answer: JSON.parse(r.stdout) as Outcome['answer'], peakMiB, seconds };
};
const paper = (dryRun: boolean) => (file: string) => ['import', 'paper', '--data', data, '--item', 'agendaItem:next-4', file, '--replace', ...(dryRun ? ['--dry-run'] : [])];
const tor = (file: string) => ['import', 'tor', '--data', data, '--board', 'board:childrens-trust', file, '--dry-run'];
const people = (file: string) => ['import', 'people', '--data', data, file, '--dry-run'];

/** Refused in words and in seconds, inside the budget, and the store exactly as it was. */
const expectRefused = async (outcome: Promise<Outcome>, said: RegExp) => {
  const before = store();
  const { answer, peakMiB, seconds } = await outcome;
  expect(answer.error?.message).toMatch(said);
  expect(answer.error?.code).toBe('invalid-input');
  expect(peakMiB).toBeLessThan(BUDGET_MIB);
  expect(seconds).toBeLessThan(REFUSED_WITHIN_S);
  expect(store()).toBe(before);
};
const expectRead = async (outcome: Promise<Outcome>, characters: (n: number) => void) => {
  const { answer, peakMiB } = await outcome;
  expect(answer.error).toBeUndefined();
  characters(answer.characters ?? 0);
  expect(peakMiB).toBeLessThan(BUDGET_MIB);
};

beforeAll(async () => {
  await run(process.execPath, ['bin/quorum.js', 'example', '--data', data]);
});
afterAll(() => t.cleanup());

describe('a Word paper built to exhaust the import', () => {
  it('one enormous paragraph (12 million characters, under every size cap) is refused for its length', async () => {
    const bytes = await hostile.giantParagraphDocx(12_000_000);
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    await expectRefused(quorum('Enormous paragraph.docx', bytes, paper(false)), /^Enormous paragraph\.docx was not imported: it holds 12,000,000 characters of text, and one paper can hold up to 2,000,000 \(about 600 pages\)\. Nothing was changed\. Split it/);
  });

  it('60 million characters of text in ordinary paragraphs is refused for its length', async () => {
    await expectRefused(quorum('Long.docx', await hostile.longTextDocx(60_000_000), paper(false)), /it holds 60,000,000 characters of text/);
  });

  it('tables nested 3,000 deep are refused for their depth', async () => {
    await expectRefused(quorum('Nested.docx', await hostile.deepNestingDocx(3000), paper(false)), /it has tables nested 3,000 deep .*Quorum reads up to 8\. Nothing was changed\. Open it in Word, move the inner tables out/);
  });

  it('25,001 runs that cannot be joined are refused, and say how to clear the formatting', async () => {
    await expectRefused(quorum('Formatted.docx', await hostile.alternatingRunsDocx(25_001, 1000, 200_000), paper(false)), /its text is in 25,001 separately formatted pieces, and Quorum reads up to 25,000\. Nothing was changed\. Open it in Word, select all and use Clear All Formatting/);
  });

  it('a zip bomb is refused before it is opened', async () => {
    await expectRefused(quorum('Bomb.docx', lyingBomb(300), paper(false)), /^Bomb\.docx was not opened: /);
  });

  it('1.4 million one-letter runs are read, joined into the runs a reader would tell apart', async () => {
    await expectRead(quorum('Letters.docx', await hostile.tinyRunsDocx(1_400_000), paper(true)), (n) => expect(n).toBe(1_400_000));
  });

  it('a table cell of 1.9 million characters is read whole', async () => {
    await expectRead(quorum('Big cell.docx', await hostile.giantCellDocx(1_900_000), paper(true)), (n) => expect(n).toBeGreaterThan(1_900_000));
  });

  it('the most a paper may hold (24,900 runs of alternating formatting, 15,900 paragraphs) is read', async () => {
    await expectRead(quorum('Most.docx', await hostile.alternatingRunsDocx(24_900, 15_900, 1_800_000), paper(true)), (n) => expect(n).toBeGreaterThan(1_800_000));
  });

  it('150,000 bookmarks and 99,000 tabs are read: parts that hold nothing the pack keeps', async () => {
    await expectRead(quorum('Bookmarks.docx', await hostile.manyBookmarksDocx(150_000), paper(true)), (n) => expect(n).toBe('Marked all over.'.length));
    await expectRead(quorum('Tabs.docx', await hostile.manyTabsDocx(99_000), paper(true)), (n) => expect(n).toBe('Tabs:'.length));
  });
});

describe('terms of reference in Word built to exhaust the import', () => {
  it('are held to the same limits as a paper, in the words of terms of reference', async () => {
    await expectRefused(quorum('ToR enormous.docx', await hostile.giantParagraphDocx(12_000_000), tor), /^ToR enormous\.docx was not imported: it holds 12,000,000 characters of text, and one terms of reference can hold up to 200,000 \(about 60 pages\)/);
    await expectRefused(quorum('ToR nested.docx', await hostile.deepNestingDocx(3000), tor), /tables nested 3,000 deep/);
    const { answer, peakMiB } = await quorum('ToR letters.docx', await hostile.tinyRunsDocx(190_000), tor);
    expect(answer.error).toBeUndefined();
    expect(peakMiB).toBeLessThan(BUDGET_MIB);
  });
});

describe('a CSV built to exhaust the import', () => {
  it('one line of four million quoted cells (20 MB) is refused for its width', async () => {
    await expectRefused(quorum('Wide.csv', hostile.wideQuotedCsv(4_000_000), people), /^Wide\.csv has 4,000,002 columns in row 1; a list Quorum imports has at most 100\. Nothing was imported/);
  });

  it('4,900 rows of 5,000-character quoted cells (24 MB) are read inside the budget', async () => {
    const { answer, peakMiB } = await quorum('Quoted.csv', hostile.quotedCellsCsv(4900, 5000), people);
    expect(answer.error).toBeUndefined();
    expect(JSON.stringify(answer)).toMatch(/"rows":4900/);
    expect(peakMiB).toBeLessThan(BUDGET_MIB);
  });
});
