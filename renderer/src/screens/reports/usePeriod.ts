import { useState } from 'react';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A report's period as the officer types it: only whole dates are asked for, and a period that ends
 * before it begins is not asked for at all (the To field says so, and the figures shown stay).
 */
export const usePeriod = () => {
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const from = period.from && DATE.test(period.from) ? period.from : undefined;
  const to = period.to && DATE.test(period.to) ? period.to : undefined;
  const backwards = Boolean(from && to && from > to);
  return {
    typed: period,
    setFrom: (value: string) => setPeriod((p) => ({ ...p, from: value })),
    setTo: (value: string) => setPeriod((p) => ({ ...p, to: value })),
    backwards,
    /** What to ask the query for: the dates given, unless they run backwards. */
    asked: { ...(from && !backwards ? { from } : {}), ...(to && !backwards ? { to } : {}) },
  };
};
