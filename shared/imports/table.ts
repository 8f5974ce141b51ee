import { z } from 'zod';
import { QuorumFailure } from '../result';

/**
 * A spreadsheet as the imports see it: a header row and the rows under it, every cell already
 * text. main reads .xlsx (exceljs) and .csv (papaparse) into this; dates in date-formatted cells
 * arrive as ISO `YYYY-MM-DD`. Rows keep their number in the sheet, so every message can name the
 * row the officer will look at in Excel.
 */
export const MAX_IMPORT_ROWS = 5000;
export const MAX_CELL = 5000;

export const sheetTableSchema = z
  .object({
    sourceFile: z.string().trim().min(1).max(300),
    sheet: z.string().max(200).optional(),
    columns: z.array(z.string().max(200)).min(1).max(100),
    rows: z
      .array(z.object({ row: z.number().int().min(1), cells: z.array(z.string().max(MAX_CELL)).max(100) }))
      .max(MAX_IMPORT_ROWS, `A sheet can bring in up to ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows at a time`),
  })
  .strict();
export type SheetTable = z.infer<typeof sheetTableSchema>;
export type SheetRow = SheetTable['rows'][number];

/** A problem with one cell, in the words the officer will act on: "Row 7, column C (Organisation): …". */
export type RowProblem = { row: number; column?: string; message: string };
export const describeProblem = (p: RowProblem): string => `Row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`;

/** A (A, B … Z, AA …): the letter Excel shows above a column. */
export const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export type ColumnSpec<K extends string> = Record<K, { label: string; names: readonly string[]; required?: boolean }>;
export type ColumnMap<K extends string> = { [P in K]?: number } & { ignored: string[] };

/**
 * Finds each wanted column by its header ("E-mail", "Email address" and "email" are the same
 * column). A sheet missing a required column is refused whole, naming what it has and what it
 * needs, so the officer can rename a header rather than guess.
 */
export const mapColumns = <K extends string>(table: SheetTable, spec: ColumnSpec<K>, what: string): ColumnMap<K> => {
  const headers = table.columns.map(normalise);
  const map = { ignored: [] as string[] } as ColumnMap<K>;
  const used = new Set<number>();
  for (const key of Object.keys(spec) as K[]) {
    // The spec lists a column's names most likely first: "Role | Organisation | Member" reads Member as the person, not the seat.
    const names = spec[key].names.map(normalise);
    const index = names.map((n) => headers.findIndex((h, i) => !used.has(i) && h !== '' && h === n)).find((i) => i >= 0) ?? -1;
    if (index >= 0) {
      (map as Record<string, number>)[key] = index;
      used.add(index);
    }
  }
  const missing = (Object.keys(spec) as K[]).filter((k) => spec[k].required && (map as Record<string, number | undefined>)[k] === undefined);
  if (missing.length) {
    const found = table.columns.filter((c) => c.trim()).map((c) => `“${c}”`);
    throw new QuorumFailure(
      'invalid-input',
      `${table.sourceFile} does not look like ${what}: it has no ${missing.map((k) => `“${spec[k].label}”`).join(' or ')} column. ` +
        `Row 1 should name the columns${found.length ? `; it has ${found.slice(0, 8).join(', ')}${found.length > 8 ? '…' : ''}` : ' but is empty'}. ` +
        `Quorum reads: ${(Object.keys(spec) as K[]).map((k) => spec[k].label + (spec[k].required ? ' (required)' : '')).join(', ')}.`,
    );
  }
  map.ignored = table.columns.filter((c, i) => c.trim() && !used.has(i));
  return map;
};

/** The cell of a mapped column, trimmed; '' when the sheet has no such column. */
export const cellOf = <K extends string>(row: SheetRow, map: ColumnMap<K>, key: K): string => {
  const index = (map as Record<string, number | undefined>)[key];
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
};

/** "column C (Organisation)": how a message names a column. */
export const columnName = <K extends string>(table: SheetTable, map: ColumnMap<K>, key: K): string => {
  const index = (map as Record<string, number | undefined>)[key];
  return index === undefined ? '' : `column ${columnLetter(index)} (${table.columns[index] || key})`;
};

/** The rows with something in them: a sheet's trailing blank lines are not rows. */
export const filledRows = (table: SheetTable): SheetRow[] => table.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', 'allowed']);
const NO = new Set(['no', 'n', 'false', '0', '', 'not allowed']);
/** "Yes", "Y", "x", TRUE: how spreadsheets say yes. Undefined when the cell says something else. */
export const yesNo = (cell: string): boolean | undefined => {
  const c = cell.trim().toLowerCase();
  if (YES.has(c)) return true;
  if (NO.has(c)) return false;
  return undefined;
};

/** Names compared as people write them: case, spaces and full stops aside. */
export const sameName = (a: string, b: string): boolean => normalise(a) === normalise(b);
export const nameKey = normalise;

/** Edit distance, for "did you mean…" on a misspelt organisation or person. */
export const editDistance = (a: string, b: string): number => {
  const s = normalise(a);
  const t = normalise(b);
  const prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (s[i - 1] === t[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[t.length];
};

/** The closest of `names` to `name` when it is close enough to be a slip of the keyboard. */
export const nearest = (name: string, names: readonly string[]): string | undefined => {
  let best: { name: string; d: number } | undefined;
  for (const n of names) {
    const d = editDistance(name, n);
    if (!best || d < best.d) best = { name: n, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 6)) ? best.name : undefined;
};
