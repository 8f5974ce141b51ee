import { ipcMain, type WebContents } from 'electron';
import { CHANNELS, type EventName } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';
import { fail } from '../../shared/result';
import type { Dispatch } from '../services/dispatch';
import { isTrustedFrame } from './security';

/**
 * Binds every contract channel to the shared dispatcher, after checking that the call comes from
 * the app's own top frame (checklist item 17). Input is validated inside the dispatcher.
 */
export const registerIpc = (dispatch: Dispatch, devServerUrl?: string): void => {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame, devServerUrl)) return fail('forbidden', 'This request did not come from Quorum’s window');
      return dispatch(channel, input);
    });
  }
};

export const sendEvent = <E extends EventName>(contents: WebContents | undefined, event: E, payload: EventPayload<E>): void => {
  if (contents && !contents.isDestroyed()) contents.send(event, payload);
};
