import { DEFAULT_STANDING_ITEMS } from '../rules/boards';
import type { Board, TermsOfReference } from '../schema/records';

type NewBoard = Omit<Board, 'rev' | 'updatedAt' | 'updatedBy' | 'schemaVersion'>;
type NewTor = Omit<TermsOfReference, 'rev' | 'updatedAt' | 'updatedBy' | 'schemaVersion'>;

const standing = DEFAULT_STANDING_ITEMS;

export const CT = 'board:childrens-trust' as const;
export const SCP = 'board:safeguarding' as const;
export const HWB = 'board:hwb' as const;

export const exampleBoards: NewBoard[] = [
  { id: CT, type: 'board', name: 'Eastmere Children’s Trust Board', shortName: 'Children’s Trust', kind: 'childrens-trust', rules: 'own-terms-of-reference', standingItems: standing },
  { id: SCP, type: 'board', name: 'Eastmere Safeguarding Children Partnership', shortName: 'Safeguarding Partnership', kind: 'safeguarding-partnership', rules: 'own-terms-of-reference', standingItems: standing },
  { id: HWB, type: 'board', name: 'Eastmere Health and Wellbeing Board', shortName: 'Health and Wellbeing Board', kind: 'health-and-wellbeing', rules: 'council-committee', standingItems: standing },
];

const member = (key: string, role: string, org: string, person: string | undefined, deputyAllowed: boolean, voting = true, statutory = false) => ({
  key,
  role,
  organisationId: `organisation:${org}` as const,
  ...(person ? { personId: `person:${person}` as const } : {}),
  deputyAllowed,
  voting,
  ...(statutory ? { statutory } : {}),
});

export const exampleTors = (approvedOn: string, reviewOn: string): NewTor[] => [
  {
    id: 'tor:childrens-trust-v1',
    type: 'tor',
    boardId: CT,
    version: 1,
    status: 'approved',
    purpose:
      'The Children’s Trust Board brings partners together to improve outcomes for children and young people in Eastmere, and holds the partnership to account for the Children and Young People’s Plan.',
    responsibilities: [
      '- Agree and monitor the **Children and Young People’s Plan**.',
      '- Oversee the improvement plan following the inspection of children’s services.',
      '- Examine one area of practice in depth at each meeting (a *deep dive*).',
      '- Work to the protocol agreed with the Safeguarding Children Partnership and the Health and Wellbeing Board.',
    ].join('\n'),
    members: [
      member('chair', 'Chair (Cabinet Member for Children and Families)', 'council', 'ruth-hallam', false),
      member('councillor', 'Elected member', 'council', 'dev-sandhu', false),
      member('dcs', 'Director of Children’s Services', 'council', 'sarah-whitcombe', true),
      member('safeguarding', 'Head of Safeguarding', 'council', 'amira-haddad', true),
      member('public-health', 'Director of Public Health', 'council', 'leah-donnelly', true),
      member('police', 'Police', 'police', 'mark-ellery', true),
      member('health', 'Integrated Care Board', 'icb', 'beth-arnold', true),
      member('schools', 'Schools', 'schools', 'helen-brandt', true),
      member('governors', 'Governors', 'governors', 'gareth-lyle', true),
      member('voluntary', 'Voluntary and community sector', 'cvs', 'erin-walsh', true),
    ],
    chairMemberKey: 'chair',
    viceChairMemberKey: 'dcs',
    quorum: {
      minFraction: 1 / 3,
      requireChairOrVice: true,
      minAgencies: 3,
      text: 'A third of members, including the chair or vice-chair and at least three agencies',
    },
    meetingsPerYear: 3,
    deepDivesPerMeeting: 1,
    paperDeadlineWorkingDays: 5,
    reportsToBoardIds: [HWB],
    permissions: ['May challenge any area of the partnership’s work in depth'],
    reviewDate: reviewOn,
    approval: { date: approvedOn, minuteRef: 'CT/1' },
  },
  {
    id: 'tor:safeguarding-v1',
    type: 'tor',
    boardId: SCP,
    version: 1,
    status: 'approved',
    purpose: 'The Safeguarding Children Partnership coordinates and assures the work of the safeguarding partners (the council, the police and the Integrated Care Board) to safeguard and promote the welfare of children.',
    responsibilities: '- Publish the annual safeguarding report.\n- Commission and learn from child safeguarding practice reviews.\n- Scrutinise multi-agency practice, including the front door.',
    members: [
      member('scrutineer', 'Independent Scrutineer (Chair)', 'council', 'owen-pritchard', false),
      member('la', 'Safeguarding partner: local authority', 'council', 'sarah-whitcombe', true, true, true),
      member('police', 'Safeguarding partner: police', 'police', 'mark-ellery', true, true, true),
      member('icb', 'Safeguarding partner: Integrated Care Board', 'icb', 'priya-nair', true, true, true),
      member('schools', 'Relevant agency: schools', 'schools', 'helen-brandt', true),
    ],
    chairMemberKey: 'scrutineer',
    viceChairMemberKey: '',
    quorum: { requireChairOrVice: false, minAgencies: 3, text: 'All three safeguarding partners represented' },
    meetingsPerYear: 4,
    deepDivesPerMeeting: 1,
    paperDeadlineWorkingDays: 7,
    reportsToBoardIds: [],
    permissions: [],
    reviewDate: reviewOn,
    approval: { date: approvedOn, minuteRef: 'SCP/4' },
  },
  {
    id: 'tor:hwb-v1',
    type: 'tor',
    boardId: HWB,
    version: 1,
    status: 'approved',
    purpose: 'The Health and Wellbeing Board is a committee of Eastmere Borough Council under the Health and Social Care Act 2012. It leads the joint strategic needs assessment and the joint health and wellbeing strategy.',
    responsibilities: '- Publish the joint strategic needs assessment.\n- Agree the joint health and wellbeing strategy.\n- Encourage integrated working between health and social care.',
    members: [
      member('chair', 'Chair (Lead Member, Health and Wellbeing)', 'council', 'tom-okafor', false),
      member('dcs', 'Director of Children’s Services', 'council', 'sarah-whitcombe', true, true, true),
      member('dph', 'Director of Public Health', 'council', 'leah-donnelly', true, true, true),
      member('icb', 'Integrated Care Board', 'icb', 'beth-arnold', true, true, true),
      member('healthwatch', 'Healthwatch', 'healthwatch', 'kofi-mensah', true, true, true),
    ],
    chairMemberKey: 'chair',
    viceChairMemberKey: '',
    quorum: { minMembers: 3, requireChairOrVice: true, text: 'Three members including the chair or vice-chair' },
    meetingsPerYear: 4,
    deepDivesPerMeeting: 0,
    paperDeadlineWorkingDays: 5,
    reportsToBoardIds: [],
    permissions: [],
    reviewDate: reviewOn,
    approval: { date: approvedOn, minuteRef: 'HWB/12' },
  },
];
