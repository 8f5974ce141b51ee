// Kept free of zod so the renderer can list them without loading the schemas.
/** A deep dive's life: a proposed theme, placed at a meeting, briefing in, held, followed up, closed. */
export const DEEP_DIVE_STATUSES = ['proposed', 'scheduled', 'briefing-received', 'held', 'follow-up', 'closed'] as const;
/** What a board asks to see in a deep dive. */
export const EVIDENCE_KINDS = ['data', 'audit', 'case-files', 'voice-of-the-child', 'other'] as const;
export const FORWARD_PLAN_KINDS = ['decision', 'assurance', 'information', 'deep-dive', 'standing'] as const;
export const FORWARD_PLAN_STATUSES = ['planned', 'paper-requested', 'received', 'on-agenda', 'deferred'] as const;
