import type { AgendaItem, Meeting } from '../schema/records';
import { CT } from './boards';
import { emptyCoverSheet } from '../features/packs';

type New<T> = Omit<T, 'rev' | 'updatedAt' | 'updatedBy' | 'schemaVersion'>;
type Cover = NonNullable<AgendaItem['paper']>['coverSheet'];

export const orderKey = (position: number): string => String(position * 10).padStart(4, '0');

const cover = (c: Partial<Cover>): Cover => ({ ...emptyCoverSheet(), ...c });

type ItemSpec = Partial<New<AgendaItem>> & Pick<AgendaItem, 'title' | 'purpose' | 'durationMinutes'>;

export const agendaItems = (meetingId: Meeting['id'], prefix: string, specs: ItemSpec[]): New<AgendaItem>[] =>
  specs.map((s, i) => ({
    id: `agendaItem:${prefix}-${i + 1}`,
    type: 'agendaItem',
    meetingId,
    order: orderKey(i + 1),
    presenterIds: [],
    minutes: '',
    ...s,
  }));

export const heldAgenda = (meetingId: Meeting['id'], lastMeetingDate: string) =>
  agendaItems(meetingId, 'held', [
    {
      title: 'Apologies, introductions and declarations of interest',
      standing: 'apologies',
      purpose: 'noting',
      durationMinutes: 5,
      minutes:
        'The Chair welcomed members. Martin Doyle attended in place of Gareth Lyle (Eastmere Governors Forum).\n\nCllr Dev Sandhu declared that a close family member works for Children’s Services.',
    },
    {
      title: 'Terms of reference',
      purpose: 'decision',
      durationMinutes: 10,
      presenterIds: ['person:joan-fairley'],
      minutes:
        'Joan Fairley outlined the revised terms of reference and highlighted that:\n\n- there is a strong commitment to the Children’s Trust continuing;\n- there will continue to be **3 meetings per year**;\n- the Board has permission to challenge any area in depth and will hold a deep dive on one area at each meeting.',
    },
    {
      title: 'Minutes of the last meeting and matters arising',
      standing: 'minutes',
      purpose: 'decision',
      durationMinutes: 5,
      minutes: `The minutes of the meeting held on ${lastMeetingDate} were agreed. Sarah Whitcombe reported that the protocol between the three boards has been finalised for consultation and will be circulated.`,
    },
    {
      title: 'Update on the improvement journey',
      purpose: 'information',
      durationMinutes: 40,
      presenterIds: ['person:sarah-whitcombe'],
      minutes:
        'Sarah Whitcombe reported that the improvement plan has been submitted to Ofsted. Inspectors will visit for three days and will:\n\n1. examine up to 15 cases;\n2. concentrate on the multi-agency safeguarding hub and the front door;\n3. compare their audits with the council’s own audits.\n\nMembers asked how partners could support recruitment of permanent social workers.',
    },
    {
      title: 'Deep dive: the integrated front door (MASH)',
      purpose: 'discussion',
      durationMinutes: 45,
      presenterIds: ['person:amira-haddad', 'person:nadia-rowe'],
      deepDiveId: 'deepDive:front-door',
      minutes:
        'Amira Haddad and DI Nadia Rowe presented the deep dive. Members challenged the rate of re-referrals within twelve months and the timeliness of police notifications to the front door.',
    },
    {
      title: 'Protocol between the Children’s Trust, the Safeguarding Children Partnership and the Health and Wellbeing Board',
      purpose: 'discussion',
      durationMinutes: 15,
      presenterIds: ['person:sarah-whitcombe'],
      minutes: 'Members discussed the draft protocol. Partners were asked to return comments during the consultation period.',
    },
    { title: 'Action log', standing: 'action-log', purpose: 'noting', durationMinutes: 10, minutes: 'The action log was noted.' },
    { title: 'Any other business and date of next meeting', standing: 'aob', purpose: 'noting', durationMinutes: 5, minutes: 'There was no other business.' },
  ]);

const improvementBody = `## Progress since the last meeting

The improvement plan has **42 actions**. Progress against them is summarised below.

| Theme | Actions | Complete | On track | Behind |
|:--|--:|--:|--:|--:|
| Leadership and governance | 8 | 5 | 3 | 0 |
| The front door | 12 | 6 | 4 | 2 |
| Quality of practice | 14 | 4 | 7 | 3 |
| Workforce | 8 | 2 | 4 | 2 |

### What has improved

- Every contact to the front door now receives a decision within 24 hours.
- Caseloads have fallen to an average of 18 children per social worker.
  - Newly qualified workers hold no more than 12.

### What is behind

1. Re-referrals within twelve months remain above comparable areas.
2. Permanent recruitment of team managers.

See the [Ofsted inspection framework](https://www.gov.uk/government/publications/inspecting-local-authority-childrens-services-from-2018) for the judgements the plan responds to.
`;

const placementsBody = `## Background

Three providers bid to supply residential placements. Their prices and the evaluation scores are set out below and are commercially sensitive.

| Provider | Price per week | Quality score |
|:--|--:|--:|
| Provider A | £4,850 | 78 |
| Provider B | £5,120 | 84 |
| Provider C | £4,990 | 71 |

## Recommendation

Award the contract to Provider B for three years with an option to extend by one.
`;

export const nextAgenda = (meetingId: Meeting['id'], heldDate: string) =>
  agendaItems(meetingId, 'next', [
    { title: 'Apologies, introductions and declarations of interest', standing: 'apologies', purpose: 'noting', durationMinutes: 5 },
    { title: 'Minutes of the last meeting and matters arising', standing: 'minutes', purpose: 'decision', durationMinutes: 5 },
    { title: 'Action log', standing: 'action-log', purpose: 'noting', durationMinutes: 10 },
    {
      title: 'Improvement plan: progress report',
      purpose: 'decision',
      durationMinutes: 30,
      presenterIds: ['person:sarah-whitcombe'],
      forwardPlanItemId: 'forwardPlanItem:improvement',
      paper: {
        status: 'received',
        authorPersonId: 'person:sarah-whitcombe',
        receivedOn: heldDate,
        coverSheet: cover({
          reportOf: 'Director of Children’s Services',
          author: 'Sarah Whitcombe',
          authorContact: 'sarah.whitcombe@example.org.uk',
          executiveSummary: 'Progress against the improvement plan since the last meeting, with the areas that are behind and what partners are asked to do.',
          recommendations: ['The Board notes the progress made.', 'The Board agrees the revised milestones for the front door.'],
          implications: { finance: 'None beyond the agreed budget.', legal: 'None.', equalities: 'The plan covers every child in need of help and protection.', risk: 'Delay in recruitment is the main risk.' },
          backgroundPapers: 'Improvement plan (version 3)',
        }),
        body: improvementBody,
      },
    },
    {
      title: 'Deep dive: neglect and the graded care profile',
      purpose: 'discussion',
      durationMinutes: 45,
      presenterIds: ['person:amira-haddad', 'person:priya-nair'],
      deepDiveId: 'deepDive:neglect',
      paper: {
        status: 'requested',
        authorPersonId: 'person:amira-haddad',
        coverSheet: cover({ reportOf: 'Head of Safeguarding', author: 'Amira Haddad' }),
        body: '',
      },
    },
    {
      title: 'Children and Young People’s Plan: annual refresh',
      purpose: 'decision',
      durationMinutes: 20,
      presenterIds: ['person:leah-donnelly'],
      forwardPlanItemId: 'forwardPlanItem:cypp',
      paper: {
        status: 'requested',
        authorPersonId: 'person:leah-donnelly',
        coverSheet: cover({ reportOf: 'Director of Public Health', author: 'Dr Leah Donnelly' }),
        body: '',
      },
    },
    { title: 'Partner updates', standing: 'partner-updates', purpose: 'information', durationMinutes: 15 },
    { title: 'Forward plan', standing: 'forward-plan', purpose: 'noting', durationMinutes: 5 },
    { title: 'Any other business and date of next meeting', standing: 'aob', purpose: 'noting', durationMinutes: 5 },
    {
      title: 'Residential placements: contract award',
      purpose: 'decision',
      durationMinutes: 15,
      presenterIds: ['person:sarah-whitcombe'],
      forwardPlanItemId: 'forwardPlanItem:placements',
      part2: { paragraph: 3, reason: 'Information relating to the financial or business affairs of the bidders' },
      paper: {
        status: 'received',
        authorPersonId: 'person:sarah-whitcombe',
        receivedOn: heldDate,
        coverSheet: cover({
          reportOf: 'Director of Children’s Services',
          author: 'Sarah Whitcombe',
          executiveSummary: 'The outcome of the tender for residential placements and the recommended award.',
          recommendations: ['The Board agrees to award the contract to Provider B.'],
          implications: { finance: 'Within the placements budget.', legal: 'Procured under the Procurement Act 2023.', equalities: '', risk: 'Market capacity.' },
          classification: 'exempt',
        }),
        body: placementsBody,
      },
    },
  ]);

export const ctMeeting = (id: string, date: string, status: Meeting['status']): New<Meeting> => ({
  id: `meeting:${id}`,
  type: 'meeting',
  boardId: CT,
  date,
  startTime: '15:00',
  endTime: '17:30',
  venue: 'Committee Room 2, Eastmere Town Hall',
  status,
});
