import { safeStorage } from 'electron';
import { QuorumFailure } from '../../shared/result';
import type { createPreferences } from './prefs';

/**
 * The mail server password (the outbox, docs/ARCHITECTURE.md): encrypted with the operating
 * system's credential store (Electron safeStorage: the Windows data protection API, the macOS
 * Keychain, the Linux secret service) and kept with the preferences in the user's profile, never in
 * the data folder, which a team or a backup may copy.
 */
export const mailPasswordKeeper = (prefs: ReturnType<typeof createPreferences>) => ({
  async save(password: string) {
    if (!password) {
      prefs.delete('mailPassword');
      return;
    }
    if (!safeStorage.isEncryptionAvailable())
      throw new QuorumFailure('not-allowed', 'This computer offers no credential store to keep the password safely, so it was not saved. Send with quorum outbox and QUORUM_SMTP_PASSWORD, or save the messages as .eml files.');
    prefs.set('mailPassword', safeStorage.encryptString(password).toString('base64'));
  },
  async read(): Promise<string | undefined> {
    const blob = prefs.get('mailPassword');
    return blob ? safeStorage.decryptString(Buffer.from(blob, 'base64')) : undefined;
  },
});
