import type { ReactNode } from 'react';

/**
 * Disables every control inside while a change is in flight (a native disabled fieldset), so the
 * officer sees the form is busy and cannot send the change twice.
 */
export const ChangeScope = ({ pending, readOnly = false, children }: { pending: boolean; /** A record that is frozen (approved minutes): shown, never changed. */ readOnly?: boolean; children: ReactNode }) => (
  <fieldset disabled={pending || readOnly} aria-busy={pending} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
    {children}
  </fieldset>
);
