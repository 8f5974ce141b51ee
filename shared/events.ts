/** Main → window notifications. Free of any library: the sandboxed preload bundles it. */
export const EVENTS = ['store:changed', 'task:progress'] as const;
export type EventName = (typeof EVENTS)[number];
