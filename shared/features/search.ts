import { z } from 'zod';
import { isoDate, line, recordId } from '../schema/common';
import { effect } from '../kernel/operation';
import { SEARCH_KINDS, type SearchAnswer } from '../views';

export type { SearchAnswer, SearchResult } from '../views';

/**
 * Search (docs/ARCHITECTURE.md, search): one box over everything the partnership has written,
 * answered off the window's thread from an index kept beside the data. What a person may see
 * decides which index is asked: Part 2 text only for officers cleared for it.
 */
export const searchRequestSchema = z
  .object({
    text: line(400),
    boardId: recordId('board').optional(),
    kinds: z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length).optional(),
    since: isoDate.optional(),
    until: isoDate.optional(),
    /** Part 1 only, Part 2 only, or both (Part 2 only ever for an officer cleared for it). */
    part: z.enum(['any', '1', '2']).default('any'),
    /** As the public would: what the website publishes (Part 1 only). */
    public: z.boolean().default(false),
    page: z.number().int().min(1).max(100_000).default(1),
    pageSize: z.number().int().min(1).max(200).default(20),
  })
  .strict();
export type SearchRequest = z.input<typeof searchRequestSchema>;

export const search = effect<SearchAnswer>()({ name: 'search:query', input: searchRequestSchema, reads: 'all' });
