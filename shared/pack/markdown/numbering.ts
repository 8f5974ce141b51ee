import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';

/**
 * Word numbers lists through numbering definitions (w:abstractNum) and instances (w:num). Every
 * Markdown list gets its own instance, so numbering restarts per list, as a reader expects.
 */
export const BULLETS = 'quorum-bullets';
const NUMBERS = 'quorum-numbers';
const LEVELS = 9;
const BULLET_GLYPHS = ['•', '◦', '▪'];
/** A numbered list's format at each depth (then again from the top): 1., a., i. — the Word import compares Word's own numbers with these. */
export const NUMBER_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN] as const;

const indent = (level: number) => ({ paragraph: { indent: { left: 360 * (level + 1), hanging: 360 } } });

export type ListRef = { reference: string; instance: number };

export class ListNumbering {
  private instance = 0;
  private readonly starts = new Set<number>([1]);

  bullets(): ListRef {
    return { reference: BULLETS, instance: ++this.instance };
  }

  numbers(start: number): ListRef {
    const from = Number.isInteger(start) && start >= 0 && start < 100_000 ? start : 1;
    this.starts.add(from);
    return { reference: from === 1 ? NUMBERS : `${NUMBERS}-from-${from}`, instance: ++this.instance };
  }

  config(): INumberingOptions['config'] {
    const bullets = {
      reference: BULLETS,
      levels: Array.from({ length: LEVELS }, (_, level) => ({
        level,
        format: LevelFormat.BULLET,
        text: BULLET_GLYPHS[level % BULLET_GLYPHS.length],
        alignment: AlignmentType.LEFT,
        style: indent(level),
      })),
    };
    const numbered = [...this.starts].map((from) => ({
      reference: from === 1 ? NUMBERS : `${NUMBERS}-from-${from}`,
      levels: Array.from({ length: LEVELS }, (_, level) => ({
        level,
        format: NUMBER_FORMATS[level % NUMBER_FORMATS.length],
        text: `%${level + 1}.`,
        start: level === 0 ? from : 1,
        alignment: AlignmentType.LEFT,
        style: indent(level),
      })),
    }));
    return [bullets, ...numbered];
  }
}
