import type { Page } from 'playwright-core';

/** Selectors for Quorum's screens, by role and label as a user finds them. */
export const quorumPage = (page: Page) => ({
  firstRun: {
    heading: page.getByRole('heading', { name: 'Welcome to Quorum' }),
    startExample: page.getByRole('button', { name: 'Start with the example partnership' }),
    partnershipName: page.getByLabel('Partnership name'),
    startEmpty: page.getByRole('button', { name: 'Start empty' }),
  },
  nav: (area: 'Dashboard' | 'Settings') => page.getByRole('navigation').getByText(area, { exact: true }),
  dashboard: {
    boardCard: (boardName: string) => page.getByRole('group', { name: boardName }).or(page.locator(`[aria-labelledby]`, { has: page.getByRole('heading', { name: boardName }) })),
    nextMeeting: (boardName: string) => page.locator('[aria-labelledby]', { has: page.getByRole('heading', { name: boardName }) }).getByTestId('next-meeting'),
    deadline: (boardName: string) => page.locator('[aria-labelledby]', { has: page.getByRole('heading', { name: boardName }) }).getByTestId('paper-deadline'),
  },
  settings: {
    heading: page.getByRole('heading', { name: 'Settings', level: 1 }),
    name: page.getByRole('textbox', { name: /^Name/ }),
    save: page.getByRole('button', { name: 'Save partnership details' }),
    backupsTable: page.getByRole('table', { name: 'Backups' }),
    journalTable: page.getByRole('table', { name: 'Latest journal entries' }),
    restoreButtons: page.getByRole('button', { name: /Restore the backup taken/ }),
    confirmRestore: page.getByRole('dialog').getByRole('button', { name: 'Restore', exact: true }),
  },
  /** A Fluent MessageBar error, named by its title. */
  errorBar: (title: string) => page.getByRole('alert', { name: title }),
});
