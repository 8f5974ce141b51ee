import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hostname } from 'node:os';
import { QuorumFailure } from '../../shared/result';
import { PACK_VARIANTS, type PackVariant } from '../../shared/pack/model';
import { QuorumStore } from '../services/store/store';
import { STORE_FILE } from '../services/store/format';
import { currentUser } from '../services/currentUser';
import type { PackFormat } from '../services/packs';
import { EXIT, UsageError, type Subcommand, requireData } from './command';
import { VERBS } from './verbs';
import { boardOption } from './boardOption';

/**
 * `quorum pack`: the board pack from the command line, with the same pre-flight as the app. It
 * refuses (exit 1) with the pre-flight errors unless `--override-reason` says why to go ahead.
 */
export const packCommand = (): Subcommand => ({
  ...VERBS.pack,
  async run(values, out, { clock }) {
    // Loaded when the verb runs, so `quorum --help` and the other verbs start without it.
    const [{ buildPackFile, checkPack, describeMeeting, packFormatFor, refuseBuild, resolveMeeting, startingPrinter }, { startPackBuilder }] = await Promise.all([import('../services/packs'), import('../services/packThread')]);
    const dir = requireData(values);
    const meeting = values.meeting;
    const variant = values.variant;
    const file = values.out;
    if (typeof meeting !== 'string' || !meeting) throw new UsageError('--meeting ID|next is required');
    if (typeof variant !== 'string' || !(PACK_VARIANTS as readonly string[]).includes(variant)) throw new UsageError('--variant must be public or full');
    if (typeof file !== 'string' || !file) throw new UsageError('--out FILE.docx or --out FILE.pdf is required');
    let format: PackFormat;
    try {
      format = packFormatFor(file, typeof values.format === 'string' ? values.format : undefined);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const items = typeof values.items === 'string' ? parseItems(values.items) : undefined;
    if (items && format !== 'pdf') throw new UsageError('--items prints those items’ papers as a PDF: give --out FILE.pdf');
    const forPersonId = typeof values.for === 'string' && values.for ? values.for : undefined;
    if (forPersonId && (values.supplement || items)) throw new UsageError('--for builds a member’s copy of the whole pack; leave out --supplement and --items');
    if (forPersonId && variant !== 'full') throw new UsageError('--for builds a member’s copy of the full pack: give --variant full');
    if (!existsSync(resolve(dir, STORE_FILE))) throw new QuorumFailure('not-found', `There is no Quorum store in ${dir} (no ${STORE_FILE})`);
    // The CLI lays the pack out on its own thread. A worker keeps the app's window answering; here
    // nothing else waits, and one thread means one heap (the ~300-page bench pack: 176 MiB peak
    // against 244 MiB with a worker) and the pre-flight's tokens reused by the build (lexMarkdown).
    const builder = format === 'docx' ? startPackBuilder(null) : undefined;
    // A PDF's browser starts now, in processes of its own, while this thread opens and checks the store.
    // (The module is loaded first: the browser process is spawned as launchChromiumPrinter is called, not after the check.)
    // The build takes it; if the check refuses first, it is closed unused (startingPrinter).
    const printing = format === 'pdf' ? startingPrinter((await import('../services/pdf/chromiumPrinter')).launchChromiumPrinter()) : undefined;
    const printer = printing && (() => printing.take());
    const stopPrinter = async () => printing?.discard();
    let store: QuorumStore;
    try {
      // The build's one save stays in the change log for the next open to read (foldAtClose), and a
      // backup is taken only when the newest is an hour old (backupAtFirstWrite).
      store = QuorumStore.open(dir, { user: currentUser(), device: hostname(), clock, foldAtClose: 'when-due', backupAtFirstWrite: 'hourly' });
    } catch (err) {
      builder?.stop();
      await stopPrinter();
      throw err;
    }
    try {
      const today = clock.today();
      const target = resolveMeeting(store.data, meeting, today, typeof values.board === 'string' ? boardOption(store.data, values.board).id : undefined);
      const reason = typeof values['override-reason'] === 'string' ? values['override-reason'] : undefined;
      if (values.supplement) {
        const late = typeof values['late-reason'] === 'string' ? values['late-reason'] : '';
        if (!late.trim()) throw new UsageError('--supplement needs --late-reason "…": members are told why each paper is late');
        if (items) throw new UsageError('--supplement holds every paper since received or changed; leave out --items');
        const { supplementCandidates } = await import('../../shared/pack/supplement');
        const { items: lateItems } = supplementCandidates(store.data, target.id, variant as PackVariant, today);
        const urgency = typeof values.urgency === 'string' ? values.urgency : undefined;
        const supplement = Object.fromEntries(lateItems.map((i) => [i.agendaItemId, { lateReason: late, ...(urgency ? { urgency } : {}) }]));
        const progress = values.json ? undefined : (done: number, total: number, label: string) => out.error(`  [${done}/${total}] ${label}`);
        const outcome = await buildPackFile(store, { meetingId: target.id, variant: variant as PackVariant, out: file, clock, overrideReason: reason, onProgress: progress, builder, format, supplement, ...(printer ? { printer } : {}) });
        if (values.json) out.log(JSON.stringify({ ok: true, meetingId: target.id, ...outcome }, null, 2));
        else out.log(`Built ${outcome.title}\n  ${outcome.file} (${outcome.bytes} bytes, SHA-256 ${outcome.sha256})`);
        return EXIT.ok;
      }
      // Assembled and checked once; the build below lays out this same pack.
      const checked = checkPack(store, target.id, variant as PackVariant, today, { items, format, ...(forPersonId ? { forPersonId } : {}) });
      const { report } = checked;
      try {
        refuseBuild(checked, reason);
      } catch (err) {
        if (!(err instanceof QuorumFailure) || err.code !== 'preflight-failed') throw err;
        if (values.json) out.log(JSON.stringify({ ok: false, meetingId: target.id, error: { code: err.code, message: err.message }, preflight: report }, null, 2));
        else {
          out.error(`Pre-flight for ${describeMeeting(store.data, target)} (${variant}) found ${report.errors} error(s); no pack was built.`);
          for (const p of report.problems) out.error(`  ${p.severity === 'error' ? 'ERROR  ' : 'warning'} ${p.message}`);
          out.error(items ? 'Fix them first: a printout of some items is not built over errors in its own papers.' : 'Fix them, or give --override-reason "…" to build anyway (the reason is recorded in the journal).');
        }
        return EXIT.failed;
      }
      const progress = values.json ? undefined : (done: number, total: number, label: string) => out.error(`  [${done}/${total}] ${label}`);
      const outcome = await buildPackFile(store, { meetingId: target.id, variant: variant as PackVariant, out: file, clock, overrideReason: reason, onProgress: progress, checked, builder, format, ...(printer ? { printer } : {}) });
      if (values.json) out.log(JSON.stringify({ ok: true, meetingId: target.id, ...outcome }, null, 2));
      else {
        for (const p of report.problems) out.log(`  ${p.severity === 'error' ? 'overridden' : 'warning   '} ${p.message}`);
        out.log(`Built ${outcome.title}\n  ${outcome.file} (${outcome.bytes} bytes, SHA-256 ${outcome.sha256})`);
      }
      return EXIT.ok;
    } finally {
      builder?.stop(); // a no-op once the pack is built; otherwise nothing will be
      await stopPrinter(); // likewise: the build closes a printer it took
      store.close();
    }
  },
});

/** "4", "4-6" or "4,6,8" (spaces allowed): the agenda item numbers asked for. */
export const parseItems = (text: string): number[] => {
  const out: number[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^(\d{1,3})(?:\s*-\s*(\d{1,3}))?$/.exec(part);
    if (!m) throw new UsageError(`--items takes item numbers such as 4, 4-6 or 4,6,8, not “${text}”`);
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to < from) throw new UsageError(`--items: “${part}” is not a range of item numbers`);
    for (let n = from; n <= to; n++) out.push(n);
  }
  return out;
};
