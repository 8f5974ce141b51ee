/**
 * A seat's name as a document or sheet gives it, and the note that its holder chairs the board:
 * "Independent Scrutineer (Chair)", "Leader of the Council (Vice-chair)". The chair is a field of
 * the terms of reference (chairMemberKey), not part of the seat's name: the board elects another
 * chair without the seat changing, and the people sheet and the Word ToR then name the same seat.
 */
const CHAIR_NOTE = /\s*\((?:joint\s+|co-?)?(vice[- ]?)?chair(?:man|person|woman)?\)\s*/i;

export type SeatRole = { role: string; chairs?: 'chair' | 'vice-chair' };

/** The seat's name without a bracketed chair note, and which chair the note says the seat holds. */
export const splitChairNote = (text: string): SeatRole => {
  const note = CHAIR_NOTE.exec(text);
  if (!note) return { role: text.trim() };
  const role = text.replace(CHAIR_NOTE, ' ').replace(/\s+/g, ' ').trim();
  // "(Chair)" alone is the seat's whole name: keep it rather than leave a seat unnamed.
  if (!role) return { role: text.trim(), chairs: note[1] ? 'vice-chair' : 'chair' };
  return { role, chairs: note[1] ? 'vice-chair' : 'chair' };
};

/** A seat as a preview names it: "Leader of the Council (chair)", but "Independent Chair" as it is. */
export const seatWithChair = (role: string, chairs?: SeatRole['chairs']): string => (chairs && !/chair/i.test(role) ? `${role} (${chairs})` : role);
