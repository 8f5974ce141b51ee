/** Where one screen can send the officer: an area, or a meeting open at one of its tabs. */
export type MeetingTab = 'agenda' | 'attendance' | 'minutes';
export type Destination = { area: 'settings' } | { area: 'tor' } | { area: 'planner' } | { area: 'meetings'; meetingId: string; tab?: MeetingTab };
