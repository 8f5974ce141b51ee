import { basename, extname } from 'node:path';
import { Readable } from 'node:stream';
import type { CellValue, Row } from 'exceljs';
import { QuorumFailure } from '../../../shared/result';
import { readChosenFile } from './chosenFile';
import { checkZipPackage, zipInOrder } from '../../../shared/zip';
import { MAX_CELL, MAX_IMPORT_ROWS, type SheetTable } from '../../../shared/imports/table';

/**
 * A spreadsheet the officer chose, read into rows of text (shared/imports/table.ts): .xlsx with
 * exceljs, .csv with papaparse. Nothing is stored here; the import's preview and confirmation
 * take it from there. A file Quorum should not read whole is refused before it is parsed.
 */
export const SHEET_EXTENSIONS = ['xlsx', 'csv'] as const;
const MAX_SHEET_BYTES = 25 * 1024 * 1024;
/** More columns than any list of people, dates or actions has. */
const MAX_COLUMNS = 100;

const isOle = (b: Uint8Array) => b.length > 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
/** An OLE2 file holding an `EncryptedPackage` stream is an .xlsx protected with a password to open (MS-OFFCRYPTO 2.3.4.4). */
const isEncryptedOoxml = (b: Buffer) => b.includes(Buffer.from('EncryptedPackage', 'utf16le'));

const tooManyRows = (fileName: string, rows: number) =>
  new QuorumFailure(
    'invalid-input',
    `${fileName} has ${rows.toLocaleString('en-GB')} rows; Quorum brings in up to ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} at a time (row ${(MAX_IMPORT_ROWS + 2).toLocaleString('en-GB')} onwards would be left behind). Nothing was imported: split the sheet, or check it is the list you meant to choose.`,
  );

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A cell as the officer sees it: dates as ISO days, formulas by their result, links by their text. */
const cellText = (value: CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : iso(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
  }
  return '';
};

const clip = (s: string) => (s.length > MAX_CELL ? s.slice(0, MAX_CELL) : s).replace(/\r\n?/g, '\n');

/** The cells of one row as text, in column order, clipped to what an import keeps. */
// Array.from, not map: a row's values are sparse where a cell is missing, and a hole is an empty cell.
const rowCells = (row: Row): string[] => Array.from((row.values as CellValue[]).slice(1), (v) => clip(cellText(v).trim()));

type SheetRead = { header?: string[]; rows: SheetTable['rows']; rowCount: number };

/**
 * Reads one worksheet row by row, keeping at most the rows an import can bring in: after that it
 * only counts, so a sheet of a million rows costs no more memory than one of five thousand.
 */
const readRows = async (fileName: string, sheet: AsyncIterable<Row>): Promise<SheetRead> => {
  const read: SheetRead = { rows: [], rowCount: 0 };
  for await (const row of sheet) {
    if (!row.hasValues) continue;
    if (!read.header) {
      const cells = rowCells(row);
      if (!cells.some(Boolean)) continue;
      if (cells.length > MAX_COLUMNS) throw new QuorumFailure('invalid-input', `${fileName} has ${cells.length} columns; a list Quorum imports has at most ${MAX_COLUMNS}.`);
      read.header = cells;
      continue;
    }
    read.rowCount++;
    if (read.rowCount <= MAX_IMPORT_ROWS) read.rows.push({ row: row.number, cells: rowCells(row).slice(0, MAX_COLUMNS) });
  }
  return read;
};

/**
 * exceljs's streaming reader reads a package's parts in one pass, in the order they are stored,
 * and a package may store them in any order (OPC, ISO/IEC 29500-2 §10.2). Its number formats come
 * only from a styles part it has already met. A sheet met before the workbook's shared strings is
 * set aside in a temporary file, and while it is written the pass now and then ends early: every
 * part after it is lost, and the sheet reads as empty (a workbook as exceljs itself writes it, one
 * read in a hundred or so). A sheet met once the shared strings and the workbook's relationships
 * are in hand, but before xl/workbook.xml, is read with no workbook to name it, and the reader
 * fails. So the package is handed to it with those parts first and the sheets last, reordered byte
 * for byte without inflating anything (shared/zip.ts, zipInOrder).
 */
const WORKBOOK_PARTS = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const partRank = (name: string) => (WORKBOOK_PARTS.includes(name) ? 0 : name.startsWith('xl/worksheets/') ? 2 : 1);
type Parser = { parse(input: Readable, options: Record<string, string>): AsyncIterable<{ eventType: string; value: WorksheetReader }>; model?: { sheets?: { id: number; state?: string }[] } };
type WorksheetReader = AsyncIterable<Row> & { id: number; name: string; state?: string };

const readXlsx = async (fileName: string, bytes: Buffer): Promise<SheetTable> => {
  if (isOle(bytes)) {
    if (isEncryptedOoxml(bytes))
      throw new QuorumFailure('invalid-input', `${fileName} is protected with a password, so Quorum cannot read it. Open it in Excel, remove the password (File › Info › Protect Workbook), save it, and import it again.`);
    throw new QuorumFailure('invalid-input', `${fileName} is an older Excel file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV.`);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new QuorumFailure('invalid-input', `${fileName} is not an Excel workbook: it does not have the .xlsx file structure. It may be damaged or renamed from another format.`);
  const entries = checkZipPackage(bytes, () => true, fileName, 'Excel');
  const { default: ExcelJS } = await import('exceljs');
  const input = Readable.from([Buffer.from(zipInOrder(bytes, entries, partRank))]);
  // The first visible sheet, in tab order, that has anything in it: the one the officer sees on opening.
  let chosen: { tab: number; name: string; read: SheetRead } | undefined;
  let sheetCount = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {}) as unknown as Parser;
    const seenTabs = new Set<number>();
    for await (const { eventType, value: sheet } of reader.parse(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' })) {
      if (eventType !== 'worksheet') continue;
      sheetCount++;
      const tabs = reader.model?.sheets ?? [];
      const tab = Math.max(0, tabs.findIndex((s) => s.id === sheet.id));
      seenTabs.add(tab);
      if (sheet.state === 'hidden' || sheet.state === 'veryHidden' || (chosen && chosen.tab < tab)) continue;
      const read = await readRows(fileName, sheet);
      if (read.header) chosen = { tab, name: sheet.name, read };
      // Every visible sheet before this one has been read and was empty: no later sheet can win.
      const earlierUnread = tabs.some((s, i) => i < (chosen?.tab ?? -1) && s.state !== 'hidden' && s.state !== 'veryHidden' && !seenTabs.has(i));
      if (chosen && !earlierUnread) break;
    }
  } catch (err) {
    if (err instanceof QuorumFailure) throw err;
    throw new QuorumFailure('invalid-input', `${fileName} could not be read as an Excel workbook (${(err as Error).message.replace(/\s+/g, ' ').slice(0, 160)}). Open it in Excel and save it again as .xlsx.`);
  } finally {
    input.destroy();
  }
  if (!sheetCount) throw new QuorumFailure('invalid-input', `${fileName} has no sheets.`);
  if (!chosen) throw new QuorumFailure('invalid-input', `${fileName} has nothing in it: the first sheet is empty.`);
  if (chosen.read.rowCount > MAX_IMPORT_ROWS) throw tooManyRows(fileName, chosen.read.rowCount);
  return { sourceFile: fileName, sheet: chosen.name, columns: chosen.read.header!, rows: chosen.read.rows };
};

/** The separators papaparse may pick (RFC 4180's comma, and what Excel writes in other locales). */
const SEPARATORS = [44 /* , */, 59 /* ; */, 9 /* tab */, 124 /* | */];
/** The separator the first line uses most, as papaparse would guess it; a comma when it has none. */
const separatorOf = (text: string): number => {
  const end = text.search(/\r|\n/);
  const line = text.slice(0, end < 0 ? Math.min(text.length, 1_000_000) : end);
  let best = 44;
  let most = 0;
  for (const sep of SEPARATORS) {
    let count = 0;
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === sep) count++;
    if (count > most) [best, most] = [sep, count];
  }
  return best;
};

/**
 * One pass over CSV text without splitting it, minding line breaks inside quotes (RFC 4180 §2.6):
 * how many rows hold anything, where the last of them ends, and the widest row. papaparse splits
 * the whole text into lines before it honours `preview`, and builds every cell of a row before
 * the column count can be checked (a 20 MB line of four million quoted cells ran for minutes), so
 * both are counted here instead.
 */
const scanCsvRows = (text: string) => {
  const separator = separatorOf(text);
  let filledRows = 0;
  let filledEnd = 0;
  let inQuotes = false;
  let filled = false;
  let cells = 1;
  let widest = { cells: 0, row: 0 };
  let row = 1;
  const endRow = () => {
    if (cells > widest.cells) widest = { cells, row };
    cells = 1;
    row++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      inQuotes = !inQuotes;
      continue;
    }
    if (!inQuotes && c === separator) cells++;
    if (!inQuotes && (c === 10 || c === 13)) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (filled) {
        filledRows++;
        filledEnd = i + 1;
      }
      filled = false;
      endRow();
      continue;
    }
    // Blank is spaces and the separators papaparse may pick (comma, semicolon, tab, bar).
    if (!filled && c !== 32 && c !== 9 && (inQuotes ? c !== 10 && c !== 13 : c !== 44 && c !== 59 && c !== 124)) filled = true;
  }
  if (filled) {
    filledRows++;
    filledEnd = text.length;
  }
  endRow();
  return { filledRows, filledEnd, widest };
};

const readCsv = async (fileName: string, bytes: Buffer): Promise<SheetTable> => {
  const { default: Papa } = await import('papaparse');
  // Excel writes CSV as UTF-8 with a byte-order mark, or as Windows-1252 on older machines.
  let text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) text = new TextDecoder('windows-1252').decode(bytes);
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new QuorumFailure('invalid-input', `${fileName} is not a CSV file: it holds binary data. Choose the sheet saved as CSV or as .xlsx.`);
  const { filledRows, filledEnd, widest } = scanCsvRows(text);
  if (filledRows - 1 > MAX_IMPORT_ROWS) throw tooManyRows(fileName, filledRows - 1);
  if (widest.cells > MAX_COLUMNS)
    throw new QuorumFailure('invalid-input', `${fileName} has ${widest.cells.toLocaleString('en-GB')} columns in row ${widest.row.toLocaleString('en-GB')}; a list Quorum imports has at most ${MAX_COLUMNS}. Nothing was imported: check it is the list you meant to choose, and save it again from Excel as CSV.`);
  // Only the trailing blank lines are cut. The blank lines between are kept, so each row's number
  // is the one the officer sees in Excel (one line per row).
  const parsed = Papa.parse<string[]>(text.slice(0, filledEnd));
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new QuorumFailure('invalid-input', `${fileName} could not be read: row ${(fatal.row ?? 0) + 1} has a quotation mark that is never closed.`);
  const [header, ...rest] = parsed.data;
  if (!header || !header.some((c) => c.trim())) throw new QuorumFailure('invalid-input', `${fileName} has nothing in it, or its first row (the column names) is blank.`);
  if (header.length > MAX_COLUMNS) throw new QuorumFailure('invalid-input', `${fileName} has ${header.length} columns; a list Quorum imports has at most ${MAX_COLUMNS}.`);
  return {
    sourceFile: fileName,
    columns: header.map((c) => clip(c.trim())),
    rows: rest.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => clip(c.trim())) })).filter((r) => r.cells.some(Boolean)),
  };
};

/** Reads a chosen .xlsx or .csv into rows; refuses, in the officer's words, what it cannot read. */
export const readSheetFile = async (file: string): Promise<SheetTable> => {
  const fileName = basename(file);
  const ext = extname(file).slice(1).toLowerCase();
  if (ext === 'xls') throw new QuorumFailure('invalid-input', `${fileName} is an older Excel file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV.`);
  if (!(SHEET_EXTENSIONS as readonly string[]).includes(ext)) throw new QuorumFailure('invalid-input', `${fileName} is not a spreadsheet Quorum can import: choose an Excel workbook (.xlsx) or a CSV file (.csv).`);
  const { bytes } = readChosenFile(file, MAX_SHEET_BYTES, 'a list to import');
  return ext === 'csv' ? readCsv(fileName, bytes) : readXlsx(fileName, bytes);
};
