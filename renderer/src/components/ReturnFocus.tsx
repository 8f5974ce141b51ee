import { useEffect, useState } from 'react';

/**
 * Put inside a dialog opened from state: when the dialog closes, focus goes back to the control
 * that opened it (WCAG 2.4.3, focus order), as Fluent's DialogTrigger would do.
 */
export const ReturnFocus = () => {
  const [opener] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(
    () => () => {
      if (opener && opener !== document.body) requestAnimationFrame(() => opener.isConnected && opener.focus());
    },
    [opener],
  );
  return null;
};
