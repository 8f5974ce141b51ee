import { addDays, formatUkDate, onOrAfterWeekday } from '../rules/dates';
import type { NewRecord } from '../data';
import { PARTNERSHIP_ID } from '../features/partnership';
import { CT, HWB, SCP, exampleBoards, exampleTors } from './boards';
import { examplePeople, exampleOrganisations } from './people';
import { ctMeeting, heldAgenda, nextAgenda } from './meetings';

type New = NewRecord;
const TUESDAY = 2;
const WEDNESDAY = 3;
const THURSDAY = 4;

/** Boards do not meet between Christmas and New Year: move such a date on two weeks. */
const clearOfChristmas = (iso: string): string => {
  const md = iso.slice(5);
  return md >= '12-20' || md <= '01-03' ? addDays(iso, 14) : iso;
};

/**
 * The example partnership, dated around today so its "next meeting" is always ahead: one
 * Children's Trust meeting held about six weeks ago and the next in about three weeks.
 */
export const buildExampleRecords = (today: string): New[] => {
  const held = clearOfChristmas(onOrAfterWeekday(addDays(today, -42), TUESDAY));
  const next = clearOfChristmas(onOrAfterWeekday(addDays(today, 21), TUESDAY));
  const third = clearOfChristmas(onOrAfterWeekday(addDays(today, 140), TUESDAY));
  const scpNext = clearOfChristmas(onOrAfterWeekday(addDays(today, 28), THURSDAY));
  const hwbNext = clearOfChristmas(onOrAfterWeekday(addDays(today, 35), WEDNESDAY));
  const earlier = onOrAfterWeekday(addDays(held, -120), TUESDAY);
  const tors = exampleTors(addDays(held, -120), addDays(today, 200));
  tors[0].reviewDate = addDays(today, 45); // the Children's Trust ToR falls due for review soon

  const a = (key: string, text: string, owner: string, dueDate: string, status: 'open' | 'in-progress' | 'done', itemNo: number): New => ({
    id: `action:${key}`,
    type: 'action',
    boardId: CT,
    meetingId: 'meeting:ct-held',
    agendaItemId: `agendaItem:held-${itemNo}`,
    text,
    ownerPersonId: `person:${owner}`,
    dueDate,
    status,
    ...(status === 'done' ? { closedOn: addDays(held, 9) } : {}),
  });
  const present = (person: string, memberKey?: string, status: 'present' | 'apologies' | 'in-attendance' = 'present', inPlaceOf?: string): New => ({
    id: `attendance:held-${person}`,
    type: 'attendance',
    meetingId: 'meeting:ct-held',
    personId: `person:${person}`,
    status,
    ...(memberKey ? { memberKey } : {}),
    ...(inPlaceOf ? { inPlaceOfPersonId: `person:${inPlaceOf}` } : {}),
  });
  const fp = (key: string, boardId: typeof CT | typeof HWB | typeof SCP, title: string, kind: 'decision' | 'assurance' | 'information', status: 'planned' | 'paper-requested' | 'on-agenda', author: string, meetingId?: string, origin = '', keyDecision = false): New => ({
    id: `forwardPlanItem:${key}`,
    type: 'forwardPlanItem',
    boardId,
    title,
    kind,
    authorPersonId: `person:${author}`,
    ...(meetingId ? { meetingId: `meeting:${meetingId}` } : {}),
    origin,
    status,
    deferredReason: '',
    keyDecision,
  });
  const comment = (key: string, section: string, author: string, org: string, text: string, daysAfter: number): New => ({
    id: `protocolComment:${key}`,
    type: 'protocolComment',
    protocolVersionId: 'protocolVersion:boards-v1',
    sectionKey: section,
    author,
    organisationId: `organisation:${org}`,
    text,
    madeAt: `${addDays(held, daysAfter)}T10:00:00.000Z`,
  });

  return [
    {
      id: PARTNERSHIP_ID,
      type: 'partnership',
      name: 'Eastmere Children and Families Partnership',
      area: 'Eastmere',
      colours: { primary: '#1F4E79', accent: '#2E75B6' },
      defaultVenue: 'Committee Room 2, Eastmere Town Hall',
      contact: { name: 'Joan Fairley', email: 'joan.fairley@example.org.uk', phone: '01632 960 123' },
    },
    ...exampleOrganisations,
    ...examplePeople,
    ...exampleBoards,
    ...tors,
    ctMeeting('ct-earlier', earlier, 'minutes-approved'),
    { ...ctMeeting('ct-held', held, 'held') },
    ctMeeting('ct-next', next, 'planned'),
    ctMeeting('ct-third', third, 'planned'),
    { id: 'meeting:scp-next', type: 'meeting', boardId: SCP, date: scpNext, startTime: '10:00', endTime: '12:30', venue: 'Eastmere Police Station, Conference Room', status: 'planned' },
    { id: 'meeting:hwb-next', type: 'meeting', boardId: HWB, date: hwbNext, startTime: '14:00', endTime: '16:00', venue: 'Council Chamber, Eastmere Town Hall', status: 'planned' },
    ...heldAgenda('meeting:ct-held', formatUkDate(earlier)),
    ...nextAgenda('meeting:ct-next', addDays(today, -2)),
    present('ruth-hallam', 'chair'),
    present('dev-sandhu', 'councillor'),
    present('sarah-whitcombe', 'dcs'),
    present('amira-haddad', 'safeguarding'),
    present('leah-donnelly', 'public-health', 'apologies'),
    present('mark-ellery', 'police'),
    present('beth-arnold', 'health'),
    present('helen-brandt', 'schools', 'apologies'),
    present('gareth-lyle', 'governors', 'apologies'),
    present('martin-doyle', 'governors', 'present', 'gareth-lyle'),
    present('erin-walsh', 'voluntary'),
    present('joan-fairley', undefined, 'in-attendance'),
    present('nadia-rowe', undefined, 'in-attendance'),
    { id: 'declaration:held-sandhu', type: 'declaration', meetingId: 'meeting:ct-held', personId: 'person:dev-sandhu', interest: 'A close family member works for Children’s Services' },
    { id: 'resolution:held-2-1', type: 'resolution', meetingId: 'meeting:ct-held', agendaItemId: 'agendaItem:held-2', number: 1, text: 'The revised terms of reference be approved.' },
    { id: 'resolution:held-3-1', type: 'resolution', meetingId: 'meeting:ct-held', agendaItemId: 'agendaItem:held-3', number: 1, text: 'The minutes be taken as an accurate record.' },
    { id: 'resolution:held-3-2', type: 'resolution', meetingId: 'meeting:ct-held', agendaItemId: 'agendaItem:held-3', number: 2, text: 'Sarah Whitcombe circulate the protocol between the three boards to members.' },
    { id: 'resolution:held-5-1', type: 'resolution', meetingId: 'meeting:ct-held', agendaItemId: 'agendaItem:held-5', number: 1, text: 'The Board notes the findings of the deep dive into the integrated front door.' },
    { id: 'resolution:held-5-2', type: 'resolution', meetingId: 'meeting:ct-held', agendaItemId: 'agendaItem:held-5', number: 2, text: 'A follow-up report on re-referrals comes to a later meeting.' },
    a('circulate-protocol', 'Circulate the protocol between the three boards to members', 'sarah-whitcombe', addDays(held, 14), 'done', 3),
    a('re-referrals', 'Report re-referral rates within twelve months by referring agency', 'amira-haddad', addDays(today, 14), 'open', 5),
    a('police-notifications', 'Provide data on the timeliness of police notifications to the front door', 'mark-ellery', addDays(held, 21), 'open', 5),
    a('health-at-front-door', 'Confirm health representation at the front door’s daily meeting', 'beth-arnold', addDays(today, 7), 'in-progress', 5),
    { id: 'actionUpdate:circulated', type: 'actionUpdate', actionId: 'action:circulate-protocol', text: 'Protocol circulated to all members by email.', status: 'done', madeAt: `${addDays(held, 9)}T09:30:00.000Z` },
    { id: 'actionUpdate:health-rota', type: 'actionUpdate', actionId: 'action:health-at-front-door', text: 'A rota of named nurses is being agreed.', status: 'in-progress', madeAt: `${addDays(held, 20)}T14:00:00.000Z` },
    {
      id: 'deepDive:front-door', type: 'deepDive', boardId: CT, theme: 'The integrated front door (MASH)', meetingId: 'meeting:ct-held',
      leadPersonId: 'person:amira-haddad', presenterIds: ['person:amira-haddad', 'person:nadia-rowe'],
      whyNow: 'The inspection found that thresholds at the front door were not consistently applied and that re-referrals were high.',
      linesOfEnquiry: ['How consistently are thresholds applied by each agency?', 'Why are re-referrals within twelve months above comparable areas?', 'How quickly do police notifications reach the front door?'],
      evidence: [
        { description: 'Contacts, referrals and re-referrals for the last 12 months', kind: 'data', providedBy: 'Performance team', due: addDays(held, -10) },
        { description: 'Multi-agency audit of 20 contacts', kind: 'audit', providedBy: 'Safeguarding partnership', due: addDays(held, -10) },
      ],
      status: 'follow-up', outcomes: 'The Board was assured on decision timeliness but not on re-referrals.',
      recommendations: ['Report re-referrals by agency to a later meeting.'], followUpMeetingId: 'meeting:ct-third',
    },
    {
      id: 'deepDive:neglect', type: 'deepDive', boardId: CT, theme: 'Neglect and the graded care profile', meetingId: 'meeting:ct-next',
      leadPersonId: 'person:amira-haddad', presenterIds: ['person:amira-haddad', 'person:priya-nair'],
      whyNow: 'The inspection asked the partnership to show the impact of its neglect strategy; use of the graded care profile varies by agency.',
      linesOfEnquiry: ['How widely is the graded care profile used, and by whom?', 'What difference has it made for children?', 'What do children and families tell us?'],
      evidence: [
        { description: 'Use of the graded care profile by agency', kind: 'data', providedBy: 'Performance team', due: addDays(next, -10) },
        { description: 'Audit of ten neglect cases', kind: 'case-files', providedBy: 'Head of Safeguarding', due: addDays(next, -10) },
        { description: 'What children and families told us', kind: 'voice-of-the-child', providedBy: 'Participation team', due: addDays(next, -10) },
      ],
      status: 'scheduled', outcomes: '', recommendations: [],
    },
    {
      id: 'deepDive:missing-education', type: 'deepDive', boardId: CT, theme: 'Children missing education', presenterIds: [],
      whyNow: 'Rising numbers of children electively home educated.', linesOfEnquiry: [], evidence: [], status: 'proposed', outcomes: '', recommendations: [],
    },
    {
      id: 'deepDive:exploitation', type: 'deepDive', boardId: SCP, theme: 'Child exploitation', meetingId: 'meeting:scp-next',
      leadPersonId: 'person:nadia-rowe', presenterIds: ['person:nadia-rowe'], whyNow: 'A local child safeguarding practice review.',
      linesOfEnquiry: ['Are children at risk of exploitation identified early?'], evidence: [], status: 'scheduled', outcomes: '', recommendations: [],
    },
    fp('improvement', CT, 'Improvement plan: progress report', 'assurance', 'on-agenda', 'sarah-whitcombe', 'ct-next'),
    fp('cypp', CT, 'Children and Young People’s Plan: annual refresh', 'decision', 'paper-requested', 'leah-donnelly', 'ct-next'),
    fp('placements', CT, 'Residential placements: contract award', 'decision', 'on-agenda', 'sarah-whitcombe', 'ct-next'),
    fp('re-referrals', CT, 'Re-referrals to the front door: follow-up', 'assurance', 'planned', 'amira-haddad', 'ct-third', `Update requested at the meeting of ${formatUkDate(held)}, item 5`),
    fp('camhs', CT, 'Emotional health and wellbeing: waiting times', 'information', 'planned', 'beth-arnold', undefined, 'Raised by Healthwatch'),
    fp('annual-report', SCP, 'Annual safeguarding report', 'assurance', 'planned', 'owen-pritchard', 'scp-next'),
    fp('jsna', HWB, 'Joint strategic needs assessment: children’s chapter', 'information', 'planned', 'leah-donnelly', 'hwb-next'),
    fp('bcf', HWB, 'Better Care Fund plan', 'decision', 'paper-requested', 'beth-arnold', 'hwb-next', '', true),
    { id: 'protocol:boards', type: 'protocol', title: 'Protocol between the Children’s Trust Board, the Safeguarding Children Partnership and the Health and Wellbeing Board', partyBoardIds: [CT, SCP, HWB], reviewDate: addDays(today, 300) },
    {
      id: 'protocolVersion:boards-v1', type: 'protocolVersion', protocolId: 'protocol:boards', version: 1, status: 'consultation',
      changeSummary: 'First draft for consultation with partners.',
      sections: [
        { key: 's1', number: '1', heading: 'Purpose', body: 'This protocol sets out how the three boards work together so that children are safe and their outcomes improve.' },
        { key: 's2', number: '2', heading: 'Roles of each board', body: '- The **Children’s Trust Board** leads the Children and Young People’s Plan.\n- The **Safeguarding Children Partnership** assures multi-agency safeguarding.\n- The **Health and Wellbeing Board** leads the joint health and wellbeing strategy.' },
        { key: 's3', number: '3', heading: 'Reporting and challenge', body: 'Each board receives the annual report of the others and may ask any of them to account for its work. The Safeguarding Children Partnership presents its annual report to the Children’s Trust Board and to the Health and Wellbeing Board.' },
        { key: 's4', number: '4', heading: 'Shared priorities', body: 'The boards agree shared priorities each year, drawing on the joint strategic needs assessment.' },
        { key: 's5', number: '5', heading: 'Review', body: 'This protocol is reviewed every year, or sooner if the law or the boards’ terms of reference change.' },
      ],
    },
    comment('police-roles', 's2', 'DCI Mark Ellery', 'police', 'Please name the police as a safeguarding partner in this section, not only under the Safeguarding Children Partnership.', 12),
    comment('health-reporting', 's3', 'Beth Arnold', 'icb', 'The Integrated Care Board reports to the Health and Wellbeing Board too; add it here.', 14),
    comment('schools-reporting', 's3', 'Helen Brandt', 'schools', 'How will schools hear of challenge raised between the boards?', 15),
    comment('healthwatch-priorities', 's4', 'Kofi Mensah', 'healthwatch', 'Shared priorities should draw on what children and families tell Healthwatch, not only the needs assessment.', 16),
    { id: 'commentResponse:health-reporting', type: 'commentResponse', commentId: 'protocolComment:health-reporting', outcome: 'accepted', response: 'Agreed: section 3 will name the Integrated Care Board.', respondedAt: `${addDays(held, 20)}T11:00:00.000Z` },
    { id: 'circulation:boards-v1-members', type: 'circulation', protocolVersionId: 'protocolVersion:boards-v1', sentTo: 'Members of all three boards', sentOn: addDays(held, 9) },
  ] as New[];
};

export const EXAMPLE_SUMMARY = 'Loaded the example partnership (Eastmere)';
