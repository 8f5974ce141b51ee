import { basename, extname } from 'node:path';
import type { CellValue, Worksheet } from 'exceljs';
import { QuorumFailure } from '../../../shared/result';
import { readChosenFile } from './chosenFile';
import { checkZipPackage } from '../../../shared/zip';
import { MAX_CELL, MAX_IMPORT_ROWS, type SheetTable } from '../../../shared/imports/table';

/**
 * A spreadsheet the officer chose, read into rows of text (shared/imports/table.ts): .xlsx with
 * exceljs, .csv with papaparse. Nothing is stored here; the import's preview and confirmation
 * take it from there. A file Quorum should not read whole is refused before it is parsed.
 */
export const SHEET_EXTENSIONS = ['xlsx', 'csv'] as const;
const MAX_SHEET_BYTES = 25 * 1024 * 1024;

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

const fromWorksheet = (fileName: string, ws: Worksheet): SheetTable => {
  const rows: SheetTable['rows'] = [];
  let header: string[] | undefined;
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as CellValue[];
    const cells = values.slice(1).map((v) => clip(cellText(v).trim()));
    if (!header) {
      if (cells.some(Boolean)) header = cells;
      return;
    }
    rows.push({ row: number, cells });
  });
  if (!header) throw new QuorumFailure('invalid-input', `${fileName} has nothing in it: the first sheet is empty.`);
  if (header.length > 100) throw new QuorumFailure('invalid-input', `${fileName} has ${header.length} columns; a list Quorum imports has at most 100.`);
  return { sourceFile: fileName, sheet: ws.name, columns: header, rows };
};

const readXlsx = async (fileName: string, bytes: Buffer): Promise<SheetTable> => {
  if (isOle(bytes)) {
    if (isEncryptedOoxml(bytes))
      throw new QuorumFailure('invalid-input', `${fileName} is protected with a password, so Quorum cannot read it. Open it in Excel, remove the password (File › Info › Protect Workbook), save it, and import it again.`);
    throw new QuorumFailure('invalid-input', `${fileName} is an older Excel file (.xls). Open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV.`);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new QuorumFailure('invalid-input', `${fileName} is not an Excel workbook: it does not have the .xlsx file structure. It may be damaged or renamed from another format.`);
  checkZipPackage(bytes, () => true, fileName);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new QuorumFailure('invalid-input', `${fileName} could not be read as an Excel workbook (${(err as Error).message.replace(/\s+/g, ' ').slice(0, 160)}). Open it in Excel and save it again as .xlsx.`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) throw new QuorumFailure('invalid-input', `${fileName} has no sheets.`);
  if (sheet.actualRowCount - 1 > MAX_IMPORT_ROWS) throw tooManyRows(fileName, sheet.actualRowCount - 1);
  return fromWorksheet(fileName, sheet);
};

const readCsv = async (fileName: string, bytes: Buffer): Promise<SheetTable> => {
  const { default: Papa } = await import('papaparse');
  // Excel writes CSV as UTF-8 with a byte-order mark, or as Windows-1252 on older machines.
  let text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) text = new TextDecoder('windows-1252').decode(bytes);
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new QuorumFailure('invalid-input', `${fileName} is not a CSV file: it holds binary data. Choose the sheet saved as CSV or as .xlsx.`);
  // Blank lines are kept so each row's number is the one the officer sees in Excel (one line per row).
  const parsed = Papa.parse<string[]>(text, { preview: MAX_IMPORT_ROWS * 2 + 2 });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) throw new QuorumFailure('invalid-input', `${fileName} could not be read: row ${(fatal.row ?? 0) + 1} has a quotation mark that is never closed.`);
  const [header, ...rest] = parsed.data;
  if (!header || !header.some((c) => c.trim())) throw new QuorumFailure('invalid-input', `${fileName} has nothing in it, or its first row (the column names) is blank.`);
  const filled = (rows: string[][]) => rows.filter((cells) => cells.some((c) => c.trim())).length;
  if (filled(rest) > MAX_IMPORT_ROWS) throw tooManyRows(fileName, filled(Papa.parse<string[]>(text).data) - 1);
  if (header.length > 100) throw new QuorumFailure('invalid-input', `${fileName} has ${header.length} columns; a list Quorum imports has at most 100.`);
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
