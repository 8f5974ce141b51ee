import { userInfo } from 'node:os';

/**
 * The computer's login, which a store records as who made each change (the journal's user) in a
 * folder of one's own. Kept apart from the session so a `quorum` verb that opens a store does not
 * load team mode with it.
 */
export const currentUser = (): string => {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
};
