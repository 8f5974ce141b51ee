import type { Page } from 'playwright-core';

/** Selectors for Quorum's screens, by role and label as a user finds them. */
export const quorumPage = (page: Page) => ({
  firstRun: {
    heading: page.getByRole('heading', { name: 'Welcome to Quorum' }),
    startExample: page.getByRole('button', { name: 'Start with the example partnership' }),
    partnershipName: page.getByLabel('Partnership name'),
    startEmpty: page.getByRole('button', { name: 'Start empty' }),
  },
  nav: (area: 'Dashboard' | 'Board pack' | 'Settings') => page.getByRole('navigation').getByText(area, { exact: true }),
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
  pack: {
    heading: page.getByRole('heading', { name: 'Board pack', level: 1 }),
    meeting: page.getByRole('combobox', { name: 'Meeting' }),
    variant: (v: 'Public' | 'Full') => page.getByRole('radio', { name: v === 'Public' ? /^Public/ : /^Full/ }),
    counts: page.getByTestId('preflight-counts'),
    problems: page.getByRole('list', { name: 'Pre-flight problems' }).getByRole('listitem'),
    fixButton: (label: string) => page.getByRole('list', { name: 'Pre-flight problems' }).getByRole('button', { name: label }).first(),
    row: (n: number) => page.getByRole('table', { name: 'Agenda and papers' }).getByRole('row', { name: new RegExp(`^Item ${n}: `) }),
    importPaper: (n: number) => page.getByRole('button', { name: new RegExp(`^(Import|Replace) paper for item ${n}$`) }),
    coverSheet: (n: number) => page.getByRole('button', { name: `Edit the cover sheet of item ${n}` }),
    coverDialog: {
      summary: page.getByRole('dialog').getByRole('textbox', { name: /Executive summary/ }),
      save: page.getByRole('dialog').getByRole('button', { name: 'Save cover sheet' }),
    },
    build: page.getByRole('button', { name: /^Build the (public|full) pack/ }),
    overrideReason: page.getByRole('alertdialog').getByRole('textbox', { name: /Reason for building anyway/ }),
    buildAnyway: page.getByRole('alertdialog').getByRole('button', { name: 'Build anyway' }),
    savedBar: page.locator('[role=group], div').filter({ has: page.getByText('Pack saved', { exact: true }) }).last(),
    open: page.getByRole('button', { name: 'Open', exact: true }),
    showInFolder: page.getByRole('button', { name: 'Show in folder', exact: true }),
    history: page.getByRole('table', { name: 'Built packs' }),
  },
  /** A Fluent MessageBar error, named by its title. */
  errorBar: (title: string) => page.getByRole('alert', { name: title }),
});
