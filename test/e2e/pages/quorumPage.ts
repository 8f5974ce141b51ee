import type { Page } from 'playwright-core';

/** Selectors for Quorum's screens, by role and label as a user finds them. */
export const quorumPage = (page: Page) => ({
  firstRun: {
    heading: page.getByRole('heading', { name: 'Welcome to Quorum' }),
    startExample: page.getByRole('button', { name: 'Start with the example partnership' }),
    partnershipName: page.getByLabel('Partnership name'),
    startEmpty: page.getByRole('button', { name: 'Start empty' }),
  },
  /** Arrange: the example partnership, its dashboard shown. */
  startWithExample: async () => {
    await page.getByRole('button', { name: 'Start with the example partnership' }).click();
    await page.getByRole('heading', { name: 'Eastmere Children and Families Partnership' }).waitFor();
  },
  nav: (area: 'Dashboard' | 'Meetings' | 'Papers' | 'Outbox' | 'Actions' | 'Statutory clocks' | 'Board pack' | 'Reports and registers' | 'Deep dives' | 'Forward plan' | 'Terms of reference' | 'Protocols' | 'People and boards' | 'Settings' | 'Written resolutions' | 'Papers to clear') => page.getByRole('navigation').getByText(area, { exact: true }),
  team: {
    /** "Team", with how many things wait for the officer: "Team (1)". */
    nav: page.getByRole('navigation').getByText(/^Team/).first(),
    syncBadge: page.getByRole('navigation').getByRole('status'),
    /** First run on an empty folder: join the partnership's team with the sign-in IT gave. */
    joinWith: async (server: string, partnership: string, user: string, password: string) => {
      await page.getByRole('textbox', { name: 'Server' }).fill(server);
      await page.getByRole('textbox', { name: 'Partnership’s short name' }).fill(partnership);
      await page.getByRole('textbox', { name: 'Your sign-in name' }).fill(user);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Join the team' }).click();
    },
    tab: (name: 'Needs decision' | 'Not applied') => page.getByRole('tab', { name: new RegExp(`^${name}`) }),
    decision: (what: RegExp) => page.getByRole('group', { name: /^Needs decision: / }).filter({ hasText: what }).or(page.locator('[aria-label^="Needs decision: "]').filter({ hasText: what })),
    version: (by: string) => page.getByRole('region', { name: `${by}’s version` }),
    keep: (by: string) => page.getByRole('button', { name: `Keep ${by}’s version` }),
    nothingToDecide: page.getByText(/^Nothing needs a decision/),
    wordDiff: page.getByLabel('The changes, word by word'),
  },
  clocks: {
    heading: page.getByRole('heading', { name: 'Statutory clocks', level: 1 }),
    table: page.getByRole('table', { name: 'Statutory clocks' }),
    row: (what: RegExp) => page.getByRole('table', { name: 'Statutory clocks' }).getByRole('row').filter({ hasText: what }),
    openCase: page.getByRole('button', { name: 'Open a case…' }),
    caseDialog: {
      dialog: page.getByRole('dialog', { name: 'Open a case' }),
      startsOn: page.getByRole('dialog', { name: 'Open a case' }).getByLabel(/Date the partnership became aware/),
      open: page.getByRole('dialog', { name: 'Open a case' }).getByRole('button', { name: 'Open the case' }),
    },
    recordDone: (what: string) => page.getByRole('button', { name: new RegExp(`^Record done: .*${what}`) }),
    doneDialog: { on: page.getByRole('dialog', { name: 'Record it done' }).getByLabel('Done on'), save: page.getByRole('dialog', { name: 'Record it done' }).getByRole('button', { name: 'Record', exact: true }) },
    decide: (what: string) => page.getByRole('button', { name: new RegExp(`^Decide between meetings: .*${what}`) }),
    decisionDialog: {
      dialog: page.getByRole('dialog', { name: 'Take a decision between meetings' }),
      text: page.getByRole('dialog', { name: 'Take a decision between meetings' }).getByRole('textbox', { name: 'The decision' }),
      closesOn: page.getByRole('dialog', { name: 'Take a decision between meetings' }).getByLabel('Replies close on'),
      send: page.getByRole('dialog', { name: 'Take a decision between meetings' }).getByRole('button', { name: 'Send the written resolution' }),
    },
    recordReply: (title: string) => page.getByRole('button', { name: `Record a reply: ${title}` }),
    replyDialog: {
      from: page.getByRole('dialog', { name: 'Record a reply' }).getByRole('combobox', { name: 'From' }),
      save: page.getByRole('dialog', { name: 'Record a reply' }).getByRole('button', { name: 'Record the reply' }),
    },
    fixOutcome: (title: string) => page.getByRole('button', { name: `Fix the outcome: ${title}` }),
    decisions: page.getByRole('table', { name: 'Decisions between meetings' }),
    status: page.getByRole('status'),
  },
  clearance: {
    open: (boardName: string) => page.getByRole('button', { name: `Clearances papers need: ${boardName}` }),
    rules: page.getByRole('dialog', { name: /^Clearances papers need/ }),
    badges: (n: number) => page.getByRole('table', { name: 'Agenda and papers' }).getByRole('row', { name: new RegExp(`^Item ${n}: `) }).getByRole('note'),
    /** Each clearance's badge on the item's row, one text each: "Finance: cleared". */
    states: (n: number) => page.getByRole('table', { name: 'Agenda and papers' }).getByRole('row', { name: new RegExp(`^Item ${n}: `) }).getByRole('note').locator('.fui-Badge').allInnerTexts(),
    button: (n: number) => page.getByRole('button', { name: `Clearance of item ${n}` }),
    dialog: page.getByRole('dialog', { name: /^Clearance of item/ }),
    sendTo: (name: string) => page.getByRole('dialog', { name: /^Clearance of item/ }).getByRole('button', { name: `Send to ${name} to clear` }),
    /** A clearer's own screen in team mode. */
    toClear: {
      paper: (title: string) => page.getByRole('region', { name: `The words of ${title}` }),
      comment: (title: string) => page.getByRole('group', { name: `Your clearance of ${title}` }).getByRole('textbox', { name: 'Comment for the board (optional)' }),
      give: (title: string, label: string) => page.getByRole('group', { name: `Your clearance of ${title}` }).getByRole('button', { name: `Give my clearance (${label})` }),
    },
  },
  search: {
    /** The header's Search button, on every screen. */
    open: page.getByRole('button', { name: /^Search…/ }),
    box: page.getByRole('textbox', { name: 'Search everything' }),
    board: page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Board' }),
    kind: page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Kind' }),
    status: page.getByRole('region', { name: 'Search results' }).getByRole('status'),
    group: (label: string) => page.getByRole('region', { name: 'Search results' }).getByRole('region', { name: label }),
    result: (title: string | RegExp) => page.getByRole('region', { name: 'Search results' }).getByRole('button', { name: typeof title === 'string' ? new RegExp(`^Open ${title}`) : title }),
    marked: page.getByRole('region', { name: 'Search results' }).locator('mark'),
  },
  outbox: {
    due: page.getByRole('table', { name: 'Messages due' }),
    /** Each message due, as its row reads: the date, the subject, the kind and to whom. */
    dueRows: async () => (await page.getByRole('table', { name: 'Messages due' }).getByRole('row').filter({ has: page.getByRole('checkbox') }).allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim()),
    read: (subject: RegExp | string) => page.getByRole('table', { name: 'Messages due' }).getByRole('button', { name: typeof subject === 'string' ? `Read and edit: ${subject}` : new RegExp(`^Read and edit: ${subject.source}`) }),
    editor: {
      dialog: page.getByRole('dialog', { name: 'Read and edit the message' }),
      body: page.getByRole('dialog', { name: 'Read and edit the message' }).getByRole('textbox', { name: 'Message' }),
      save: page.getByRole('dialog', { name: 'Read and edit the message' }).getByRole('button', { name: 'Save the message' }),
    },
    /** Points Quorum at a mail server with no TLS (only allowed on this computer). */
    useServer: async (port: number, from: { address: string; name: string }) => {
      await page.getByRole('button', { name: 'Mail server…' }).click();
      const settings = page.getByRole('dialog', { name: 'The partnership’s mail server' });
      await settings.getByRole('textbox', { name: /^Server/ }).fill('127.0.0.1');
      await settings.getByRole('spinbutton', { name: 'Port' }).fill(String(port));
      await settings.getByRole('combobox', { name: 'Security' }).selectOption('none');
      await settings.getByRole('textbox', { name: 'From address' }).fill(from.address);
      await settings.getByRole('textbox', { name: 'From name' }).fill(from.name);
      return settings;
    },
    saveServer: page.getByRole('dialog', { name: 'The partnership’s mail server' }).getByRole('button', { name: 'Save', exact: true }),
    chooseAll: page.getByRole('button', { name: 'Choose all that can go' }),
    chosen: page.getByRole('table', { name: 'Messages due' }).getByRole('checkbox', { checked: true }),
    send: page.getByRole('button', { name: /^Send \d+ through 127\.0\.0\.1$/ }),
    /**
     * Clicks Send and gives back the subjects listed as due at the very moment the "Sent …" notice
     * appeared (a MutationObserver in the page, called in the same task as React's commit).
     */
    sendAndReadDueAsSaid: async (): Promise<string[]> => {
      await page.evaluate(`(() => {
        window.dueWhenSaid = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (![...document.querySelectorAll('[role="status"]')].some((e) => /^Sent /.test(e.textContent ?? ''))) return;
            observer.disconnect();
            const boxes = [...document.querySelectorAll('table[aria-label="Messages due"] input[type="checkbox"]')];
            resolve(boxes.map((box) => (box.getAttribute('aria-label') ?? '').replace(/^Send: /, '')));
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        });
      })()`);
      await page.getByRole('button', { name: /^Send \d+ through 127\.0\.0\.1$/ }).click();
      return page.evaluate('window.dueWhenSaid') as Promise<string[]>;
    },
    sent: page.getByRole('table', { name: 'Messages sent' }),
    status: page.getByRole('status'),
  },
  dashboard: {
    clocks: page.getByRole('list', { name: 'Statutory clocks due' }),
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
    itemPdf: (n: number) => page.getByRole('button', { name: `Save item ${n}’s paper as PDF` }),
    coverDialog: {
      summary: page.getByRole('dialog').getByRole('textbox', { name: /Executive summary/ }),
      save: page.getByRole('dialog').getByRole('button', { name: 'Save cover sheet' }),
    },
    build: page.getByRole('button', { name: /^Build the (public|full) pack/ }),
    /** Builds the pack, giving `reason` if the pre-flight asks for one, and waits until it is saved. */
    buildGivingReason: async (reason: string) => {
      await page.getByRole('button', { name: /^Build the (public|full) pack/ }).click();
      const why = page.getByRole('alertdialog').getByRole('textbox', { name: /Reason for building anyway/ });
      if (await why.isVisible().catch(() => false)) {
        await why.fill(reason);
        await page.getByRole('alertdialog').getByRole('button', { name: 'Build anyway' }).click();
      }
      await page.getByText('Pack saved', { exact: true }).waitFor();
    },
    savePdf: page.getByRole('button', { name: /^Save the (public|full) pack as PDF/ }),
    overrideReason: page.getByRole('alertdialog').getByRole('textbox', { name: /Reason for building anyway/ }),
    buildAnyway: page.getByRole('alertdialog').getByRole('button', { name: 'Build anyway' }),
    savedBar: page.locator('[role=group], div').filter({ has: page.getByText('Pack saved', { exact: true }) }).last(),
    open: page.getByRole('button', { name: 'Open', exact: true }),
    showInFolder: page.getByRole('button', { name: 'Show in folder', exact: true }),
    history: page.getByRole('table', { name: 'Built packs' }),
    publish: page.getByRole('button', { name: 'Publish the website…' }),
    supplement: {
      open: page.getByRole('button', { name: 'Build a supplement…' }),
      lateReason: (n: number) => page.getByRole('dialog').getByRole('textbox', { name: new RegExp(`^Why item ${n} \\(`) }),
      saveWord: page.getByRole('dialog').getByRole('button', { name: 'Save as Word…' }),
    },
    published: page.getByRole('list', { name: 'Files written and removed' }),
    /** A member's own copy of the full pack. */
    memberCopy: {
      member: page.getByRole('combobox', { name: /A member’s own copy/ }),
      build: page.getByRole('button', { name: 'Build their copy…' }),
    },
  },
  reports: {
    heading: page.getByRole('heading', { name: 'Reports and registers', level: 1 }),
    tab: (name: 'Attendance' | 'Register of interests' | 'Yearly report') => page.getByRole('tab', { name }),
    figure: (label: string) => page.getByRole('list', { name: 'The year in figures' }).getByRole('listitem').filter({ hasText: new RegExp(`^\\d+\\s*${label}$`) }),
    partnersTable: page.getByRole('table', { name: /attendance$/ }),
    board: page.getByRole('combobox', { name: 'Board' }),
    from: page.getByLabel('From'),
    to: page.getByLabel('To'),
    chart: page.getByRole('img', { name: /^Meetings attended by each member/ }),
    memberRow: (name: string) => page.getByRole('table', { name: 'Attendance by member' }).getByRole('row').filter({ hasText: name }),
    statutoryRow: (role: string) => page.getByRole('table', { name: 'Statutory seats' }).getByRole('row').filter({ hasText: role }),
    reasons: page.getByRole('region', { name: 'Reasons for absence' }),
    register: {
      addFor: (name: string) => page.getByRole('button', { name: `Register an interest for ${name}` }),
      kind: page.getByRole('dialog').getByRole('combobox', { name: 'Kind' }),
      description: page.getByRole('dialog').getByRole('textbox', { name: /The interest, in the member’s words/ }),
      body: page.getByRole('dialog').getByRole('textbox', { name: /The body it concerns/ }),
      from: page.getByRole('dialog').getByLabel('Held from'),
      sensitive: page.getByRole('dialog').getByRole('checkbox', { name: /^Sensitive/ }),
      save: page.getByRole('dialog').getByRole('button', { name: 'Register' }),
      entries: (name: string) => page.getByRole('table', { name: `Interests registered by ${name}` }).getByRole('row'),
      show: page.getByRole('combobox', { name: 'Show' }),
    },
  },
  meetings: {
    heading: page.getByRole('heading', { name: 'Meetings', level: 1 }),
    meeting: (board: string, dateText: string) => page.getByRole('navigation', { name: 'Meetings by board' }).getByRole('region', { name: board }).getByRole('button', { name: new RegExp(dateText) }),
    meetingHeading: page.getByRole('article').getByRole('heading', { level: 2 }),
    planMeeting: page.getByRole('button', { name: 'Plan a meeting…' }),
    planDialog: {
      board: page.getByRole('dialog').getByRole('combobox', { name: 'Board' }),
      date: page.getByRole('dialog').getByLabel('Date'),
      save: page.getByRole('dialog').getByRole('button', { name: 'Plan the meeting' }),
    },
    tab: (name: 'Agenda' | 'Attendance and quorum' | 'Minutes') => page.getByRole('tab', { name }),
    draftAgenda: page.getByRole('button', { name: 'Draft the agenda' }),
    agendaItems: page.getByRole('list', { name: 'Agenda' }).getByRole('listitem'),
    agendaItem: (title: string) => page.getByRole('list', { name: 'Agenda' }).getByRole('listitem').filter({ hasText: title }),
    moveUp: (n: number) => page.getByRole('button', { name: `Move item ${n} up` }),
    quorum: page.locator('[aria-live=polite]').filter({ hasText: /quorate/i }),
    attendance: (name: string, status: 'Present' | 'Apologies' | 'Absent') => page.getByRole('radiogroup', { name: `Attendance of ${name}` }).getByRole('radio', { name: status }),
    substituteFor: (name: string) => page.getByRole('button', { name: `Record a substitute for ${name}` }),
    absenceReason: (name: string) => page.getByRole('textbox', { name: `Reason ${name} was not there (not published)` }),
    possibleInterests: page.getByRole('list', { name: 'Possible interests' }).getByRole('listitem'),
    recordAsDeclared: (name: string, n: number) => page.getByRole('button', { name: `Record ${name}’s declaration on item ${n}` }),
    substituteDialog: {
      person: page.getByRole('dialog').getByRole('combobox', { name: /Attended in their place/ }),
      save: page.getByRole('dialog').getByRole('button', { name: 'Record substitute' }),
    },
    minutesOf: (n: number) => page.getByRole('textbox', { name: new RegExp(`^Minutes of item ${n},`) }),
    saveMinute: (n: number) => page.getByRole('button', { name: `Save minute for item ${n}` }),
    newResolution: (n: number) => page.getByRole('textbox', { name: `New resolution on item ${n}` }),
    addResolution: (n: number) => page.getByRole('region', { name: new RegExp(`^${n}\\. `) }).getByRole('button', { name: 'Add resolution' }),
    resolutions: (n: number) => page.getByRole('list', { name: `Resolutions on item ${n}` }).getByRole('listitem'),
    newAction: (n: number) => page.getByRole('textbox', { name: `New action on item ${n}` }),
    actionSection: (n: number) => page.getByRole('region', { name: new RegExp(`^${n}\\. `) }),
    markHeld: page.getByRole('button', { name: 'Mark as held' }),
  },
  actions: {
    table: page.getByRole('table', { name: 'Action log' }),
    board: page.getByRole('combobox', { name: 'Board' }),
    /** From now on, how many rows the action log has drawn each time that changes, once it has any (read with `rowsDrawn`). */
    watchRowsDrawn: () =>
      page.evaluate(`(() => {
        window.rowsDrawn = [];
        new MutationObserver(() => {
          const rows = document.querySelectorAll('table[aria-label="Action log"] tbody [aria-rowindex]').length;
          if (rows > 0 && rows !== window.rowsDrawn.at(-1)) window.rowsDrawn.push(rows);
        }).observe(document.body, { subtree: true, childList: true });
      })()`),
    rowsDrawn: () => page.evaluate('window.rowsDrawn') as Promise<number[]>,
  },
  /** The share of a table's width its first column (what each row is: the action, the paper, the item) has. */
  firstColumnShare: (table: string) => page.getByRole('table', { name: table }).evaluate((t) => t.querySelector('th')!.getBoundingClientRect().width / t.getBoundingClientRect().width),
  boards: {
    conflicts: (board: string) => page.getByRole('button', { name: `Conflicts of interest: ${board}` }),
    conflictPolicy: page.getByRole('dialog').getByRole('combobox', { name: /A member who may have an interest/ }),
    savePolicy: page.getByRole('dialog').getByRole('button', { name: 'Save the policy' }),
  },
  governance: {
    protocolHeading: page.getByRole('article').getByRole('heading', { level: 2 }),
    status: page.getByRole('article').locator('.fui-Badge').first(),
    dialog: page.getByRole('dialog'),
  },
  /** A Fluent MessageBar error, named by its title. */
  errorBar: (title: string) => page.getByRole('alert', { name: title }),
});
