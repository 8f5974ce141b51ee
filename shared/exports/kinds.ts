/** The Word exports of a meeting (issue: agenda alone, draft minutes, action log). */
export const WORD_EXPORTS = ['agenda', 'minutes', 'actions'] as const;
export type WordExport = (typeof WORD_EXPORTS)[number];
