import type { BOARD_KINDS, DEEP_DIVE_STATUSES, FORWARD_PLAN_STATUSES, MEETING_STATUSES, ORGANISATION_KINDS, PROTOCOL_STATUSES } from '../schema/records';

/**
 * The one set of words for each status, used by every screen and export: an officer sees the
 * same label on the Meetings list, the meeting's page and its dialog, and in the Word files.
 */
export const MEETING_STATUS_LABEL: Record<(typeof MEETING_STATUSES)[number], string> = {
  planned: 'Planned',
  'agenda-published': 'Agenda published',
  cancelled: 'Cancelled',
  held: 'Held',
  'minutes-approved': 'Minutes approved',
};

export const DEEP_DIVE_STATUS_LABEL: Record<(typeof DEEP_DIVE_STATUSES)[number], string> = {
  proposed: 'Proposed',
  scheduled: 'Scheduled',
  'briefing-received': 'Briefing received',
  held: 'Held',
  'follow-up': 'Follow-up',
  closed: 'Closed',
};

export const FORWARD_PLAN_STATUS_LABEL: Record<(typeof FORWARD_PLAN_STATUSES)[number], string> = {
  planned: 'Planned',
  'paper-requested': 'Paper requested',
  received: 'Received',
  'on-agenda': 'On agenda',
  deferred: 'Deferred',
};

export const PROTOCOL_STATUS_LABEL: Record<(typeof PROTOCOL_STATUSES)[number], string> = {
  draft: 'Draft',
  consultation: 'Out for consultation',
  agreed: 'Agreed',
  superseded: 'Superseded',
};

export const ORGANISATION_KIND_LABEL: Record<(typeof ORGANISATION_KINDS)[number], string> = { council: 'Council', police: 'Police', health: 'Health', education: 'Education', voluntary: 'Voluntary sector', other: 'Other' };

export const BOARD_KIND_LABEL: Record<(typeof BOARD_KINDS)[number], string> = {
  'childrens-trust': 'Children’s Trust',
  'safeguarding-partnership': 'Safeguarding Children Partnership',
  'health-and-wellbeing': 'Health and Wellbeing Board',
  other: 'Other',
};

/** The kinds of paper a board's clearance rules name (shared/schema/clearance.ts). */
export const PAPER_KIND_LABEL = { decision: 'Decision', assurance: 'Assurance', information: 'Information', 'deep-dive': 'Deep dive' } as const;
