/** Where one screen can send the officer: an area, or a meeting open at one of its tabs. */
export type MeetingTab = 'agenda' | 'attendance' | 'minutes';
export type PeopleTab = 'people' | 'organisations' | 'boards';
export type Destination = { area: 'settings' } | { area: 'clocks' } | { area: 'tor' } | { area: 'planner' } | { area: 'actions' } | { area: 'protocols' } | { area: 'forward' } | { area: 'people'; tab?: PeopleTab } | { area: 'meetings'; meetingId?: string; tab?: MeetingTab };
