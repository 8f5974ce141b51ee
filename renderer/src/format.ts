import { formatUkDate, formatUkDateTime } from '@shared/rules/dates';

export { formatUkDate };

/** "in 3 days", "today", "2 days ago": for deadlines on the dashboard. */
export const relativeDays = (days: number): string => {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
};

/** Journal, backup and build times in England's time (BST or GMT), whatever the machine's zone. */
export const formatTimestamp = formatUkDateTime;

export const formatBytes = (n: number): string =>
  n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
