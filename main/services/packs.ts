import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { listRecords, findRecord, type StoreData } from '../../shared/data';
import { nextMeeting } from '../../shared/rules/boards';
import { assemblePack, type PackModel, type PackVariant } from '../../shared/pack/model';
import { markdownTextsIn, preflight, referencedImages, type PreflightReport } from '../../shared/pack/preflight';
import { tokensKept } from '../../shared/pack/markdown/lex';
import type { PackProgress } from '../../shared/pack/build';
import { defaultPackWorker, startPackBuilder, type PackBuilder } from './packThread';
import { itemsLabel, itemsPlan } from '../../shared/pack/parts/plan';
import { assembleSupplement, packContents, type SupplementReasons } from '../../shared/pack/supplement';
import type { PdfPrinter } from './pdf/printer';
import type { PdfPack } from './pdf/pdfPack';
import type { ImageLibrary } from '../../shared/pack/markdown/images';
import { QuorumFailure } from '../../shared/result';
import { formatUkDate } from '../../shared/rules/dates';
import type { Meeting } from '../../shared/schema/records';
import { bankHolidaysAround } from './holidays';
import { makeFolderFor, saveChosenFile } from './store/savedFile';
import type { PartnershipStore } from './store/partnershipStore';
import type { Clock } from '../../shared/clock';
import { MAX_IMAGE_BYTES } from './papers/imageFiles';
import { IMAGES_FOLDER } from './store/format';
import { compareCodes } from '../../shared/rules/textOrder';
import { recordPackBuild } from '../../shared/features/packs';


/**
 * Whether `images/name.png` exists inside the data folder (never outside it). Each path is looked
 * up once per checker: a pre-flight asks again for a chart every paper of a series shows.
 */
export const imageExists = (dataDir: string) => {
  const folder = resolve(dataDir, IMAGES_FOLDER);
  const known = new Map<string, boolean>();
  return (path: string): boolean => {
    let found = known.get(path);
    if (found === undefined) {
      const full = resolve(dataDir, path);
      found = full.startsWith(folder + sep) && statSync(full, { throwIfNoEntry: false })?.isFile() === true;
      known.set(path, found);
    }
    return found;
  };
};

export const readImages = (dataDir: string, paths: readonly string[]): ImageLibrary => {
  const library: Record<string, Uint8Array> = {};
  const exists = imageExists(dataDir);
  for (const p of paths) {
    if (!exists(p)) continue;
    const full = resolve(dataDir, p);
    if (statSync(full).size > MAX_IMAGE_BYTES) continue;
    library[p] = readFileSync(full);
  }
  return library;
};

/** `next` means the soonest meeting not yet held (of one board, when given). */
export const resolveMeeting = (data: StoreData, meeting: string, today: string, boardId?: string): Meeting => {
  if (boardId && !findRecord(data, 'board', boardId)) throw new QuorumFailure('not-found', `There is no board with id ${boardId}`);
  if (meeting !== 'next') {
    const found = findRecord(data, 'meeting', meeting);
    if (!found) throw new QuorumFailure('not-found', `There is no meeting with id ${meeting}`);
    if (boardId && found.boardId !== boardId) throw new QuorumFailure('invalid-input', `Meeting ${meeting} is not a meeting of ${boardId}`);
    return found;
  }
  const boards = boardId ? [boardId] : listRecords(data, 'board').map((b) => b.id);
  const candidates = boards.map((b) => nextMeeting(data, b as Meeting['boardId'], today)).filter((m): m is Meeting => Boolean(m));
  candidates.sort((a, b) => compareCodes(a.date + a.startTime, b.date + b.startTime));
  if (!candidates[0]) throw new QuorumFailure('not-found', boardId ? `The board ${boardId} has no meeting ahead` : 'No board has a meeting ahead');
  return candidates[0];
};

export const runPreflight = (store: PartnershipStore, meetingId: string, variant: PackVariant, today: string, model?: PackModel): PreflightReport =>
  preflight(store.data, meetingId, variant, today, bankHolidaysAround(today), imageExists(store.dataDir), model);

/** A file name a secretariat would choose: "2026-12-15 Children’s Trust board pack (public).docx". */
export const suggestedPackName = (data: StoreData, meetingId: string, variant: PackVariant, format: PackFormat = 'docx', items?: readonly number[], supplement = false, forPersonId?: string): string => {
  const meeting = findRecord(data, 'meeting', meetingId);
  const board = meeting ? findRecord(data, 'board', meeting.boardId) : undefined;
  const what = items ? itemsLabel(items).toLowerCase() : supplement ? 'board pack supplement' : 'board pack';
  const member = forPersonId ? findRecord(data, 'person', forPersonId)?.name : undefined;
  const name = `${meeting?.date ?? 'meeting'} ${board?.shortName ?? 'Board'} ${what} (${member ? `full, for ${member}` : variant})`;
  return `${name.replace(/[\\/:*?"<>|]/g, '-')}.${format}`;
};

/** Word (.docx) for editing and sending; PDF for members' tablets and the website. */
export const PACK_FORMATS = ['docx', 'pdf'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

/** The format a pack file is written in: as asked, else as its name ends; a name that says otherwise is refused. */
export const packFormatFor = (file: string, asked?: string): PackFormat => {
  const ext = /\.(docx|pdf)$/i.exec(file)?.[1]?.toLowerCase() as PackFormat | undefined;
  if (asked !== undefined && !(PACK_FORMATS as readonly string[]).includes(asked)) throw new QuorumFailure('invalid-input', `The pack format must be docx or pdf, not “${asked}”`);
  const format = (asked as PackFormat | undefined) ?? ext;
  if (!format) throw new QuorumFailure('invalid-input', 'The pack file name must end in .docx (Word) or .pdf');
  if (ext !== format) throw new QuorumFailure('invalid-input', `A ${format === 'pdf' ? 'PDF' : 'Word'} pack’s file name must end in .${format}`);
  return format;
};

export type PackRequest = {
  meetingId: string;
  variant: PackVariant;
  out: string;
  /** "Today" for the pre-flight and the pack's dates, and the build's timestamp (shared/clock.ts). */
  clock: Clock;
  /** Given when the secretariat chooses to build despite pre-flight errors; journaled. */
  overrideReason?: string;
  onProgress?: PackProgress;
  /** The worker thread's script; null builds in this thread. Defaults to the one bundled beside the app. */
  workerFile?: string | null;
  /** The pack as assembled and pre-flighted just now by the caller, on this store (checkPack), so neither is done twice. */
  checked?: CheckedPack;
  /** The builder thread, started by the caller ahead of its own work (`quorum pack` starts it before it opens the store). */
  builder?: PackBuilder;
  /** Word or PDF; by default as the file name ends. */
  format?: PackFormat;
  /** Starts the browser engine a PDF is laid out in: Electron's in the app; by default a Chromium on this computer (pdf/browser.ts). */
  printer?: () => Promise<PdfPrinter>;
  /** The PDF of `checked`, being laid out already (startPdfLayout): the app starts it while the officer chooses where to save. */
  laidOut?: PdfLayout;
  /** Only these agenda items' papers and briefings, as a PDF of their own (print what you need). */
  items?: readonly number[];
  /** A supplement to the last pack saved: each late or changed item's reasons, by agenda item id. */
  supplement?: Readonly<Record<string, SupplementReasons>>;
  /** One member's copy of the full pack (shared/pack/model.ts memberCopy). */
  forPersonId?: string;
};

/**
 * The pages of the newest PDF of this same pack (the same papers, in the same state) for the Word
 * pack's contents; none when no PDF was made or the papers have changed since.
 */
export const laidOutPages = (data: StoreData, meetingId: string, variant: PackVariant, model: PackModel) => {
  const now = JSON.stringify(packContents(model));
  const pdf = listRecords(data, 'packBuild')
    .filter((b) => b.meetingId === meetingId && b.variant === variant && b.format === 'pdf' && b.pages?.length && !b.items && !b.supplement === !model.supplement)
    .sort((a, b) => compareCodes(a.builtAt, b.builtAt))
    .at(-1);
  return pdf && JSON.stringify(pdf.contents) === now ? pdf.pages : undefined;
};

/** The pre-flight's problems with these items' papers only. */
export const reportFor = (report: PreflightReport, model: PackModel, items: readonly number[]): PreflightReport => {
  const ids = new Set(model.agenda.filter((a) => items.includes(a.number)).map((a) => a.agendaItemId as string));
  const problems = report.problems.filter((p) => ids.has(p.fix.id));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { ...report, problems, errors, warnings: problems.length - errors };
};

/**
 * The agenda items asked for that have something to print in this variant (a paper or a
 * briefing); asking for one that does not is refused, naming it.
 */
export const printableItems = (model: PackModel, items: readonly number[]): number[] => {
  const printable = new Set(itemsPlan(model, items).map((p) => p.item));
  for (const n of items) {
    const line = model.agenda.find((a) => a.number === n);
    if (!line) throw new QuorumFailure('invalid-input', `The meeting has no item ${n}`);
    if (line.part2 && model.variant === 'public') throw new QuorumFailure('invalid-input', `Item ${n} is in Part 2: its paper is printed only from the full pack`);
    if (!printable.has(n)) throw new QuorumFailure('invalid-input', `Item ${n} (${line.title}) has no paper or briefing to print`);
  }
  return [...new Set(items)].sort((a, b) => a - b);
};

/** A pack assembled once and pre-flighted, focused on the items it prints: what a build lays out. */
export type CheckedPack = {
  model: PackModel;
  report: PreflightReport;
  items?: number[];
  /** For the whole pack, for nobody in particular: what it was assembled from (packKey). */
  key?: string;
};

const dataIds = new WeakMap<object, number>();
let nextDataId = 1;
const idOf = (o: object | undefined): number => {
  if (!o) return 0;
  let id = dataIds.get(o);
  if (!id) dataIds.set(o, (id = nextDataId++));
  return id;
};

/**
 * What the whole pack (for nobody in particular) is assembled from: the records as they are —
 * every change gives the store a new records object, so their identity says whether anything
 * changed — and the meeting, variant and day. Two packs with one key are the same pack
 * (assemblePack is pure), so the app's builder may lay one out ahead of Build (packThread.ts).
 */
export const packKey = (data: StoreData, meetingId: string, variant: PackVariant, today: string): string => `${idOf(data.records)}.${idOf(data.undecided)}|${meetingId}|${variant}|${today}`;

/**
 * Assembles the pack (the whole pack, a supplement, or some items' papers) once and pre-flights it.
 * The app checks with it before asking where to save, the CLI before it builds, and buildPackFile
 * when neither did: one check, so the three cannot disagree about what holds a pack up.
 */
export const checkPack = (
  store: PartnershipStore,
  meetingId: string,
  variant: PackVariant,
  today: string,
  focus: { items?: readonly number[]; supplement?: Readonly<Record<string, SupplementReasons>>; format?: PackFormat; forPersonId?: string } = {},
): CheckedPack => {
  if (!findRecord(store.data, 'meeting', meetingId)) throw new QuorumFailure('not-found', `There is no meeting with id ${meetingId}`);
  if (focus.items && focus.supplement) throw new QuorumFailure('invalid-input', 'A supplement holds every paper since received or changed; it is not printed item by item');
  if (focus.items && focus.format && focus.format !== 'pdf') throw new QuorumFailure('invalid-input', 'Some items on their own are printed as PDF only');
  if (focus.forPersonId && (focus.items || focus.supplement)) throw new QuorumFailure('invalid-input', 'A member’s own copy is the whole pack: build it without items or a supplement');
  const model = focus.supplement ? assembleSupplement(store.data, meetingId, variant, today, focus.supplement) : assemblePack(store.data, meetingId, variant, today, focus.forPersonId ? { forPersonId: focus.forPersonId } : {});
  const whole = runPreflight(store, meetingId, variant, today, model);
  const items = focus.items ? printableItems(model, focus.items) : undefined;
  // A printout of some items, or a supplement, is held up only by what is wrong with its own items.
  const only = items ?? model.supplement?.items.map((i) => i.number);
  const plain = !focus.items && !focus.supplement && !focus.forPersonId;
  return { model, report: only ? reportFor(whole, model, only) : whole, ...(items ? { items } : {}), ...(plain ? { key: packKey(store.data, meetingId, variant, today) } : {}) };
};

/**
 * What stops a build, written once for the app, the CLI and buildPackFile: a record the pack
 * prints that waits in Needs decision (team mode: no override reason makes one officer's version
 * the pack's), and pre-flight errors unless the secretariat gives a reason to build anyway, which
 * is journaled with the build. A supplement or a printout of some items is never built over errors
 * in its own papers, whatever the reason: they are few, and named, to fix first.
 */
export const refuseBuild = (checked: CheckedPack, overrideReason?: string): void => {
  const { report, items, model } = checked;
  const undecided = report.problems.filter((p) => p.code === 'needs-decision');
  if (undecided.length) throw new QuorumFailure('preflight-failed', `The pack cannot be built while a record it prints waits in Needs decision:\n${undecided.map((p) => `- ${p.message}`).join('\n')}`);
  if (report.errors === 0) return;
  const errors = report.problems.filter((p) => p.severity === 'error').map((p) => p.message);
  const only = items ?? model.supplement?.items.map((i) => i.number);
  if (only) throw new QuorumFailure('preflight-failed', `Pre-flight found ${report.errors} error(s) in ${only.length === 1 ? `item ${only[0]}` : `items ${only.join(', ')}`}; fix them first: ${errors.join(' ')}`);
  if (!overrideReason?.trim()) throw new QuorumFailure('preflight-failed', `Pre-flight found ${report.errors} error(s); fix them or give a reason to build anyway:\n${errors.map((m) => `- ${m}`).join('\n')}`);
};

/** `thread`: where the pack was laid out, the worker (as the app and CLI should) or the calling thread (from source). */
export type PackOutcome = { file: string; bytes: number; sha256: string; preflight: PreflightReport; overridden: boolean; title: string; thread: 'worker' | 'caller'; format: PackFormat };

/**
 * A printer being started: `take` waits for it (and rethrows why it could not start); `discard`
 * closes it if it started and was never taken, and ignores a failure to start nobody waited for.
 * buildPackFile keeps one for the printer it starts; `quorum pack` for the browser it starts
 * before it opens the store, which the pre-flight may refuse to use.
 */
export const startingPrinter = (starting: Promise<PdfPrinter>) => {
  let taken = false;
  starting.catch(() => undefined); // seen by take(), or by nobody when the check refuses first
  return {
    take: () => {
      taken = true;
      return starting;
    },
    discard: async () => {
      if (taken) return;
      taken = true;
      const printer = await starting.catch(() => undefined);
      await printer?.close();
    },
  };
};

/**
 * A PDF pack being laid out: `done` gives its pages and the browser closing (about 0.1 s, awaited
 * once the file is written); `discard` closes the browser and drops the pages. The app starts one
 * as soon as the officer asks for a PDF, while the save dialog is open (effects.ts), so the wait
 * after choosing where to save is mostly the saving; buildPackFile starts one otherwise.
 */
export type PdfLayout = { done: Promise<{ pdf: PdfPack; closing: Promise<void> }>; discard(): Promise<void> };

export const startPdfLayout = (model: PackModel, images: ImageLibrary, printing: ReturnType<typeof startingPrinter>, onProgress?: PackProgress, items?: readonly number[]): PdfLayout => {
  // Loaded for a PDF only: a Word pack never loads pdf-lib (about 0.1 s at every start). It is
  // loaded while the browser may still be opening its page, rather than after.
  const loading = import('./pdf/pdfPack');
  loading.catch(() => undefined); // seen below, or by nobody when the browser failed first
  let printer: PdfPrinter | undefined;
  let discarded = false;
  const done = (async () => {
    printer = await printing.take();
    let closing: Promise<void> | undefined;
    try {
      if (discarded) throw new QuorumFailure('internal', 'The PDF was not wanted after all');
      const { printPack } = await loading;
      const pdf = await printPack(model, images, printer, onProgress, { items });
      closing = printer.close();
      return { pdf, closing };
    } catch (err) {
      await (closing ?? printer.close());
      throw err;
    }
  })();
  done.catch(() => undefined); // seen by the build, or dropped by discard
  return {
    done,
    discard: async () => {
      discarded = true;
      await printer?.close(); // a print in flight then fails, and is dropped
      await done.catch(() => undefined);
      await printing.discard();
    },
  };
};

/**
 * Pre-flight, build, write the .docx atomically, and record it in the history (and the journal).
 * Refuses with the pre-flight errors unless an override reason is given.
 */
export const buildPackFile = async (store: PartnershipStore, req: PackRequest): Promise<PackOutcome> => {
  let format: PackFormat;
  try {
    format = packFormatFor(req.out, req.format);
  } catch (err) {
    req.builder?.stop();
    await req.laidOut?.discard();
    throw err;
  }
  // Started first, so the builder thread loads the Word writer while this one checks the pack.
  const builder = format === 'docx' ? (req.builder ?? startPackBuilder(req.workerFile === undefined ? defaultPackWorker() : req.workerFile)) : undefined;
  if (format === 'pdf') req.builder?.stop(); // a builder started for a Word pack is not needed
  if (req.laidOut && (format !== 'pdf' || !req.checked)) {
    await req.laidOut.discard();
    throw new QuorumFailure('internal', 'A PDF laid out ahead is saved only as the PDF of the pack it was laid out from');
  }
  // Likewise the browser starts first for a PDF, in processes of its own, while this thread checks the pack.
  const printing = format === 'pdf' && !req.laidOut ? startingPrinter((req.printer ?? (() => import('./pdf/chromiumPrinter').then((m) => m.launchChromiumPrinter())))()) : undefined;
  let layout = req.laidOut;
  let bytes: Uint8Array;
  let model: PackModel;
  let report: PreflightReport;
  let out: string;
  let items: number[] | undefined;
  let pages: { text: string; page: number }[] | undefined;
  // The browser closes (about 0.1 s) while the file is written and the build recorded; awaited before returning.
  let closing: Promise<void> | undefined;
  try {
    // Assembled and checked once (by the caller, or here): the worker lays out this same pack.
    const checked = req.checked ?? checkPack(store, req.meetingId, req.variant, req.clock.today(), { items: req.items, supplement: req.supplement, format, ...(req.forPersonId ? { forPersonId: req.forPersonId } : {}) });
    refuseBuild(checked, req.overrideReason);
    ({ model, report, items } = checked);
    out = resolve(req.out);
    makeFolderFor(out, 'The pack', NOT_RECORDED);
    const images = () => readImages(store.dataDir, referencedImages(model));
    if (builder) {
      // A worker is sent the pre-flight's tokens with the pack; a build on this thread finds them kept.
      const tokens = builder.thread === 'worker' ? tokensKept(markdownTextsIn(model)) : undefined;
      // Where a PDF of this same pack was laid out, its contents' page numbers go in the Word contents too.
      const contentsPages = model.recipient ? undefined : laidOutPages(store.data, req.meetingId, req.variant, model);
      bytes = await builder.build({ model, input: { builtAt: req.clock.now(), images: images(), ...(contentsPages ? { contentsPages } : {}) }, ...(tokens ? { tokens } : {}), ...(checked.key ? { key: checked.key } : {}) }, req.onProgress);
    } else {
      layout ??= startPdfLayout(model, images(), printing!, req.onProgress, items);
      const laid = await layout.done;
      closing = laid.closing;
      const { pdf } = laid;
      bytes = pdf.bytes;
      if (!items) pages = pdf.contents.filter((c) => pdf.pages[c.id]).map((c) => ({ text: c.text, page: pdf.pages[c.id] }));
    }
  } catch (err) {
    builder?.stop();
    await closing;
    // A layout closes the browser it printed with; a browser started for one not begun is closed here.
    await (layout ? layout.discard() : printing?.discard());
    throw err;
  }
  try {
    return await savePackFile(store, req, { out, bytes, model, report, items, pages, format, thread: builder?.thread ?? 'caller' });
  } finally {
    await closing;
  }
};

/** What a pack file that could not be saved also did not do. */
const NOT_RECORDED = 'The build is not in the pack history.';

/** Writes the pack built, and records it in the history (and the journal): the last of buildPackFile. */
const savePackFile = async (
  store: PartnershipStore,
  req: PackRequest,
  { out, bytes, model, report, items, pages, format, thread }: { out: string; bytes: Uint8Array; model: PackModel; report: PreflightReport; items?: number[]; pages?: { text: string; page: number }[]; format: PackFormat; thread: PackOutcome['thread'] },
): Promise<PackOutcome> => {
  const reason = req.overrideReason?.trim();
  saveChosenFile(out, bytes, 'The pack', NOT_RECORDED);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const overridden = report.errors > 0;
  if (store.status().state === 'ready')
    await store.run(recordPackBuild, {
      meetingId: req.meetingId,
      variant: req.variant,
      fileName: basename(out),
      format,
      ...(items ? { items } : { contents: packContents(model) }),
      ...(model.recipient ? { forPersonId: model.recipient.personId as `person:${string}` } : {}),
      ...(pages?.length ? { pages } : {}),
      ...(model.supplement ? { supplement: { of: model.supplement.of.id as `packBuild:${string}`, items: model.supplement.items.map((i) => ({ number: i.number, kind: i.kind, lateReason: i.lateReason, ...(i.urgency ? { urgency: i.urgency } : {}) })) } } : {}),
      filePath: out,
      bytes: bytes.length,
      sha256,
      warnings: report.warnings,
      ...(overridden ? { override: { reason: reason!, errors: report.problems.filter((p) => p.severity === 'error').map((p) => p.message.slice(0, 2000)) } } : {}),
    });
  const title = items ? `${model.title.replace(/: (Public|Full) pack$/, '')}: ${itemsLabel(items)}` : model.title;
  return { file: out, bytes: bytes.length, sha256, preflight: report, overridden, title, thread, format };
};

export const describeMeeting = (data: StoreData, m: Meeting) => `${findRecord(data, 'board', m.boardId)?.shortName ?? 'Board'}, ${formatUkDate(m.date)}`;
