import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHANNELS } from '../../shared/channels';
import { operations } from '../../shared/operations';
import { createDispatcher } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/handlers';
import { Session } from '../../main/services/session';
import { stubPlatform, tempDir, testClock, storeBytesOnDisk } from '../helpers';
import { loadExample } from '../../main/services/example';

/**
 * Every channel of the bridge, called with generated wrong payloads (anything at all, and objects
 * with the channel's own field names holding the wrong things): each answers with an error result,
 * never throws, and the store on disk stays byte for byte the same.
 */
const t = tempDir('quorum-fuzz-');
let session: Session;
let call: ReturnType<typeof createDispatcher>;
let before: Buffer;
beforeAll(async () => {
  session = new Session(join(t.dir, 'data'), () => {}, { clock: testClock() });
  await loadExample(session.store);
  call = createDispatcher(createHandlers(session, stubPlatform()));
  before = storeBytesOnDisk(session.dataDir);
});
afterAll(() => {
  session.close();
  t.cleanup();
});

const fieldsOf = (schema: unknown): string[] => Object.keys((schema as { shape?: object }).shape ?? {});
const hostile = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }), fc.object(), fc.constant('<script>alert(1)</script>'), fc.constant('../../etc/passwd'), fc.constant('a'.repeat(100_000)));

describe('the bridge under generated bad input', () => {
  it.each(CHANNELS.map((c) => [c]))('%s answers every wrong payload with an error and writes nothing', async (channel) => {
    const schema = operations[channel].input;
    const fields = fieldsOf(schema);
    const payload = fc.oneof(fc.anything(), fields.length ? fc.dictionary(fc.constantFrom(...fields, 'extra'), hostile, { maxKeys: fields.length + 1 }) : fc.dictionary(fc.string({ minLength: 1 }), hostile, { minKeys: 1 }));
    await fc.assert(
      fc.asyncProperty(payload, async (input) => {
        if (schema.safeParse(input).success) return; // a valid call by chance: not what this test is about
        const result = (await call(channel, input)) as { ok: boolean; error?: { code: string; message: string } };
        expect(result.ok).toBe(false);
        expect(result.error?.code).toBe('invalid-input');
        expect(result.error?.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });

  it('left the store byte for byte as it was', () => {
    expect(storeBytesOnDisk(session.dataDir).equals(before)).toBe(true);
  });
});
