import { describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from '../../shared/channels';
import { events } from '../../shared/contract';
import { mutations, operations, type MutationName } from '../../shared/operations';
import { applyCommand } from '../../shared/operations/apply';
import { emptyData } from '../../shared/data';
import { buildBridge } from '../../shared/bridge';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { createPreparations } from '../../main/services/effects';
import { keptPackBuilder } from '../../main/services/packThread';
import { fixedContext, stubPlatform, tempDir, testClock } from '../helpers';

describe('the bridge contract', () => {
  it('names every channel area:verb and gives each an input schema', () => {
    for (const c of CHANNELS) {
      expect(c).toMatch(/^[a-z]+:[a-zA-Z]+$/);
      expect(typeof operations[c].input.safeParse).toBe('function');
    }
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
  });

  it('refuses a misspelt operation: at compile time (npm run typecheck) and at run time', () => {
    // @ts-expect-error: "meeting:create" is not an operation ("meetings:create" is); tsc fails if this ever compiles.
    const misspelt: MutationName = 'meeting:create';
    expect(() => applyCommand(emptyData(), misspelt, {}, fixedContext())).toThrow(/Unknown command meeting:create/);
  });

  it('has a preparation in main for every effect a query says it prepares, and that effect declared', () => {
    const prepared = Object.values(operations).flatMap((o) => (o.kind === 'query' && o.prepares ? [[o.name, o.prepares] as const] : []));
    expect(prepared).toEqual([['pack:preflight', 'pack:build']]);
    const t = tempDir();
    const session = new Session(t.dir, () => {}, { clock: testClock() });
    try {
      const preparations = createPreparations(session, keptPackBuilder(null));
      for (const [, effect] of prepared) {
        expect(operations[effect as keyof typeof operations].kind).toBe('effect');
        expect(typeof preparations[effect]).toBe('function');
      }
    } finally {
      session.close();
      t.cleanup();
    }
  });

  it('makes every declared operation a channel except the mutations only main runs', () => {
    const internal = Object.values(mutations).filter((m) => m.internal).map((m) => m.name).sort();
    expect(internal).toEqual(['outbox:recordOutcome', 'pack:recordBuild', 'paper:receiveImported', 'partnership:setLogo', 'partnership:setUp', 'protocols:importComments']);
    expect([...CHANNELS, ...internal].sort()).toEqual(Object.keys(operations).sort());
  });

  it('has a handler for every channel in the table main registers', () => {
    const { dir, cleanup } = tempDir();
    const session = new Session(dir, () => {}, { clock: testClock() });
    const handlers = createHandlers(session, stubPlatform());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(typeof handlers[c]).toBe('function');
    session.close();
    cleanup();
  });

  it('builds a bridge with one method per channel, grouped by area, and nothing else but `on`', async () => {
    const calls: [string, unknown][] = [];
    const bridge = buildBridge(CHANNELS, async (c, i) => void calls.push([c, i]), () => () => {}) as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>;
    for (const c of CHANNELS) {
      const [area, verb] = c.split(':');
      await bridge[area][verb]({ probe: c });
    }
    expect(calls.map(([c]) => c)).toEqual([...CHANNELS]);
    const methods = Object.entries(bridge).flatMap(([a, g]) => (typeof g === 'function' ? [a] : Object.keys(g).map((v) => `${a}:${v}`)));
    expect(methods.sort()).toEqual([...CHANNELS, 'on'].sort());
    expect(() => (bridge.on as unknown as (e: string, l: () => void) => void)('not:an-event', () => {})).toThrow(/Unknown event/);
  });
});

describe('the dispatcher', () => {
  const { dir } = tempDir();
  const session = new Session(dir, () => {}, { clock: testClock() });
  const dispatch = createDispatcher(
    createHandlers(session, stubPlatform()),
  );

  it('rejects unknown channels and wrongly typed input without throwing', async () => {
    expect(await dispatch('fs:readFile', {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('store:start', { mode: 'example', extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('store:start', null)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const r = await dispatch('store:start', { mode: 'empty', name: '' });
    expect(r).toEqual({ ok: false, error: { code: 'invalid-input', message: 'Name: Fill this in', fields: { name: 'Fill this in' } } });
    expect(await dispatch('backups:restore', { backupId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('returns ok with the value on success, and refuses links off the allow-list', async () => {
    expect(await dispatch('store:status', {})).toMatchObject({ ok: true, value: { state: 'empty' } });
    expect(await dispatch('shell:openExternal', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await dispatch('shell:openExternal', { url: 'https://evil.example.com/' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await dispatch('shell:openExternal', { url: 'https://www.gov.uk/guidance' })).toEqual({ ok: true, value: { opened: true } });
  });
});
