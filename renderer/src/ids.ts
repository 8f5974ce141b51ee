import type { RecordId, RecordType } from '@shared/schema/common';

/**
 * A record id chosen in a form (a <select>'s value is only a string): kept when it is an id of
 * that type, undefined when nothing (or something else) is chosen. The bridge validates it again.
 */
export const chosenId = <T extends RecordType>(type: T, value: string | null | undefined): RecordId<T> | undefined =>
  value && value.startsWith(`${type}:`) ? (value as RecordId<T>) : undefined;

/** Every id of that type among the values chosen (presenters, parties). */
export const chosenIds = <T extends RecordType>(type: T, values: readonly string[]): RecordId<T>[] => values.flatMap((v) => chosenId(type, v) ?? []);
