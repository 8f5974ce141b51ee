import { BorderStyle, ShadingType, type ITableBordersOptions } from 'docx';

/**
 * The house table borders and header fill as docx takes them, for the tables docx lays out itself
 * (a protocol's tracked changes, shared/exports/trackedBlocks.ts): the same as the tables written
 * as text (shared/pack/ooxml/blocks.ts). The styles are shared/pack/ooxml/styles.ts.
 */
export const TABLE_BORDERS: ITableBordersOptions = {
  top: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  left: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  right: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
  insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '808080' },
};

export const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'DEEAF6' } as const;
