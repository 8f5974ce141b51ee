import { z } from 'zod';
import { isoDate, line, optionalLine, recordBase, recordId } from './common';

/**
 * The register of interests (docs/ARCHITECTURE.md, the register of interests): what each member has
 * declared, under the headings councils' codes of conduct use (the Localism Act 2011 s.30 and the
 * Relevant Authorities (Disclosable Pecuniary Interests) Regulations 2012 for elected members; the
 * board's own code for partners), each with the dates it held.
 */
export const INTEREST_KINDS = ['organisation', 'role', 'employment', 'land', 'gift', 'hospitality'] as const;
export type InterestKind = (typeof INTEREST_KINDS)[number];

export const interestSchema = recordBase('interest').extend({
  personId: recordId('person'),
  kind: z.enum(INTEREST_KINDS),
  /** What it is, in the member's words: "Trustee of Northshire Young Carers". */
  description: line(1000),
  /** The body it concerns, as named (a charity, a company, a landlord): matched against agenda items. */
  body: optionalLine(300),
  /** A gift's or hospitality's value in pounds. */
  valuePounds: z.number().min(0).max(1_000_000).optional(),
  from: isoDate,
  to: isoDate.optional(),
  /** Kept off every public output (a sensitive interest: Localism Act 2011 s.32). */
  sensitive: z.boolean(),
});

/**
 * The annual update of the register, started by the secretariat on a day: every member is asked to
 * confirm their entries (filled in with those held) within 28 days. Write-once.
 */
export const registerRoundSchema = recordBase('registerRound').extend({
  opensOn: isoDate,
});

/** A member's confirmation that their register is complete and correct, as it stood that day. Write-once. */
export const interestReturnSchema = recordBase('interestReturn').extend({
  personId: recordId('person'),
  confirmedOn: isoDate,
  /** How it came: "Signed form", "E-mail of 3 April". */
  note: optionalLine(300),
});
