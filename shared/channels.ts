/**
 * The names of every bridge channel and event. The channels are the declared operations
 * (shared/operations), so the preload and the e2e bridge expose exactly what main handles.
 */
export { CHANNELS, isChannel, type Channel } from './operations';
export { EVENTS, type EventName } from './events';
