// Kept free of zod so the renderer can show the paragraphs without loading the schemas.
/** Local Government Act 1972, Schedule 12A, Part 1: the seven descriptions of exempt information. */
export const SCHEDULE_12A_PARAGRAPHS = [1, 2, 3, 4, 5, 6, 7] as const;
/** Schedule 12A, Part 1, paragraphs 1–7 (as amended, SI 2006/88), shortened for a picker. */
export const SCHEDULE_12A_DESCRIPTIONS: Record<(typeof SCHEDULE_12A_PARAGRAPHS)[number], string> = {
  1: 'Information relating to any individual',
  2: 'Information likely to reveal the identity of an individual',
  3: 'Financial or business affairs of any particular person (including the authority)',
  4: 'Consultations or negotiations on a labour relations matter',
  5: 'Information subject to legal professional privilege',
  6: 'A proposed notice, order or direction under any enactment',
  7: 'Prevention, investigation or prosecution of crime',
};
