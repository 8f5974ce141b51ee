import { AlignmentType, Document, Footer, Header, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import type { Block } from '../pack/markdown/blocks';
import type { MarkdownContext } from '../pack/markdown/context';
import { xmlSafe } from '../pack/markdown/text';
import { stylesXml } from '../pack/ooxml/styles';
import { PAGE, PORTRAIT_TEXT_PX } from '../pack/docx/page';
import { ListNumbering } from '../pack/markdown/numbering';
import { DocxRawParts } from '../pack/docx/placement';
import type { PackBlock } from '../pack/parts/blocks';
import { toWord } from '../pack/docx/word';
import { packageDocument } from '../pack/docx/package';

export type ExportSpec = {
  /** Document title (docProps), e.g. "Draft minutes: Children’s Trust Board, 13 October 2026". */
  title: string;
  subject: string;
  author: string;
  primaryColour: string;
  /** The running header: "board · date · what". */
  header: string;
  /** After "Page X of Y", e.g. "Draft minutes". */
  footer: string;
  landscape?: boolean;
  /** Word opens with Track Changes on, so partners' edits are tracked too. */
  trackRevisions?: boolean;
  /** Read back when a copy comes back (docProps/custom.xml), e.g. which protocol version it is. */
  customProperties?: { name: string; value: string }[];
  blocks: Block[];
};

/**
 * What an export's Markdown is written with: the pack's writer (shared/pack/ooxml), without
 * pictures, its stretches placed in the document docx lays out (DocxRawParts); and docx's list
 * numbering, for the lists docx lays out itself (a protocol's tracked changes).
 */
export type ExportContext = MarkdownContext & { raw: DocxRawParts; lists: ListNumbering };

export const exportContext = (): ExportContext => ({ headingBase: 1, images: {}, lists: new ListNumbering(), maxImageWidth: PORTRAIT_TEXT_PX, raw: new DocxRawParts() });

/** A single-section Word document in the pack's house style, with its header and "Page X of Y" footer. */
const exportDocument = (spec: ExportSpec, ctx: ExportContext): Document =>
  new Document({
    title: spec.title,
    subject: spec.subject,
    creator: spec.author,
    lastModifiedBy: 'Quorum',
    ...(spec.trackRevisions ? { features: { trackRevisions: true } } : {}),
    ...(spec.customProperties ? { customProperties: spec.customProperties } : {}),
    numbering: { config: ctx.lists.config() },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: spec.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ style: 'QuorumSmall', children: [new TextRun(xmlSafe(spec.header))] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'QuorumSmall',
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }), new TextRun(xmlSafe(` · ${spec.footer}`))],
              }),
            ],
          }),
        },
        children: ctx.raw.place(spec.blocks),
      },
    ],
  });

/** A document's content in the pack's neutral terms: laid out as Word here, as HTML on the published website. */
export type BlockSpec = Omit<ExportSpec, 'blocks'> & { blocks: PackBlock[] };

/** An export as a Word file's bytes, in the house style (shared/pack/ooxml/styles.ts). */
export const exportBytes = (spec: ExportSpec, ctx: ExportContext, builtAt: string): Promise<Uint8Array> =>
  packageDocument(exportDocument(spec, ctx), builtAt, ctx.raw, stylesXml(spec.primaryColour));

/** A block spec as a Word file's bytes, in the house style. */
export const wordOfSpec = async (spec: BlockSpec, builtAt: string): Promise<Uint8Array> => {
  const ctx = exportContext();
  return exportBytes({ ...spec, blocks: toWord(spec.blocks, { ctx }) }, ctx, builtAt);
};
