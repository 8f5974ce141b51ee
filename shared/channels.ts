/**
 * The names of every bridge channel and event, free of any library so the sandboxed preload can
 * bundle them alone. `contract.ts` gives each its input schema and result type; the type
 * checker proves the two lists agree.
 */
export const CHANNELS = [
  'app:info',
  'store:status',
  'store:start',
  'store:recover',
  'dashboard:get',
  'partnership:get',
  'partnership:update',
  'backups:list',
  'backups:restore',
  'journal:list',
  'settings:moveDataFolder',
  'shell:openExternal',
  'meetings:list',
  'pack:preflight',
  'pack:build',
  'pack:history',
  'pack:open',
  'pack:showInFolder',
  'paper:import',
  'paper:updateCoverSheet',
  'agenda:list',
  'agenda:setPartTwo',
  'agenda:draft',
  'agenda:add',
  'agenda:update',
  'agenda:move',
  'agenda:remove',
  'meetings:get',
  'meetings:create',
  'meetings:update',
  'attendance:set',
  'attendance:remove',
  'declarations:add',
  'declarations:remove',
  'minutes:update',
  'minutes:approve',
  'resolutions:add',
  'resolutions:update',
  'resolutions:remove',
  'actions:list',
  'actions:raise',
  'actions:update',
  'actions:addUpdate',
  'papers:outstanding',
  'boards:list',
  'boards:setStandingItems',
  'paper:updateBody',
  'paper:get',
  'exports:word',
  'exports:calendar',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Main → renderer notifications. */
export const EVENTS = ['store:changed', 'task:progress'] as const;
export type EventName = (typeof EVENTS)[number];

export type Area<C extends string = Channel> = C extends `${infer A}:${string}` ? A : never;
export type Verb<C extends string> = C extends `${string}:${infer V}` ? V : never;
