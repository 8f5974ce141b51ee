import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules in eslint.config.js fire on the imports each layer must not make. */
const lint = async (filePath: string, code: string) => {
  const [result] = await new ESLint().lintText(code, { filePath });
  return result.messages.filter((m) => /restricted/.test(m.ruleId ?? '')).map((m) => m.message);
};

describe('layer rules', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;", /no Node built-ins/],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;", /no Electron/],
    ['shared/x.ts', "import { useState } from 'react';\nexport const a = useState;", /no React/],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;", /through window.quorum/],
    ['renderer/src/x.ts', "import { join } from 'path';\nexport const a = join;", /has no Node/],
    ['renderer/src/x.ts', "import { QuorumStore } from '../../main/services/store/store';\nexport const a = QuorumStore;", /main-process code/],
    ['main/services/x.ts', "import { app } from 'electron';\nexport const a = app;", /Only main\/electron/],
    ['shared/x.ts', "import { QuorumStore } from '../main/services/store/store';\nexport const a = QuorumStore;", /bottom layer/],
    ['shared/rules/x.ts', "import { createHandlers } from '../../main/services/handlers';\nexport const a = createHandlers;", /bottom layer/],
    ['shared/rules/x.ts', "import { bridge } from '../../renderer/src/bridge';\nexport const a = bridge;", /bottom layer/],
    ['main/services/x.ts', "import { registerIpc } from '../electron/ipc';\nexport const a = registerIpc;", /may not import main\/electron/],
    ['main/cli/x.ts', "import { App } from '../../renderer/src/App';\nexport const a = App;", /may not import main\/electron or the renderer/],
    // Node's built-ins come from Node's own list: zlib and module were let through by a hand-written one.
    ['shared/x.ts', "import { gzipSync } from 'zlib';\nexport const a = gzipSync;", /no Node built-ins/],
    ['shared/x.ts', "import { createRequire } from 'module';\nexport const a = createRequire;", /no Node built-ins/],
    ['renderer/src/x.ts', "import { inflateSync } from 'zlib';\nexport const a = inflateSync;", /has no Node/],
    // Inside shared/: schema → data and views → kernel → rules → pack and imports → exports → publish → features → operations → the bridge.
    ['shared/schema/x.ts', "import { listRecords } from '../data';\nexport const a = listRecords;", /schema sits below data and views/],
    ['shared/kernel/x.ts', "import { paperDeadline } from '../rules/dates';\nexport const a = paperDeadline;", /kernel sits below rules/],
    ['shared/rules/x.ts', "import { addActionUpdate } from '../features/actions';\nexport const a = addActionUpdate;", /rules sits below features/],
    ['shared/pack/x.ts', "import { calendarOf } from '../exports/calendar';\nexport const a = calendarOf;", /pack and imports sits below exports/],
    ['shared/features/x.ts', "import type { QuorumBridge } from '../contract';\nexport type A = QuorumBridge;", /features sits below the bridge/],
    ['shared/features/x.ts', "import { OPERATIONS } from '../operations';\nexport const a = OPERATIONS;", /features sits below operations/],
    // Inside main/: the store and printer ← records and papers ← team and imports ← the services' files ← the CLI and the shell.
    ['main/services/store/x.ts', "import { Session } from '../session';\nexport const a = Session;", /below the services' own files/],
    ['main/services/papers/x.ts', "import { TeamStore } from '../team/teamStore';\nexport const a = TeamStore;", /records and papers sit below team mode and imports/],
    ['main/services/team/x.ts', "import { createEffects } from '../effects';\nexport const a = createEffects;", /below the services' own files/],
    ['main/services/x.ts', "import { main } from '../cli/quorum';\nexport const a = main;", /may not import main\/electron, the CLI or the renderer/],
    ['main/electron/x.ts', "import { main } from '../cli/quorum';\nexport const a = main;", /main\/electron may not import the CLI/],
    // The renderer takes what the bridge and the views export, never an operation or a Node-only package.
    ['renderer/src/x.ts', "import { people } from '@shared/features/people';\nexport const a = people;", /operations run in main/],
    ['renderer/src/x.ts', "import ExcelJS from 'exceljs';\nexport const a = ExcelJS;", /exceljs works only in main/],
    ['renderer/src/x.ts', "import { CHANNELS } from '@shared/channels';\nexport const a = CHANNELS;", /channels as types only/],
  ])('%s: refuses %s', async (file, code, message) => {
    const messages = await lint(file, code);
    expect(messages.join('\n')).toMatch(message);
  });

  it('allows what each layer may import', async () => {
    expect(await lint('shared/features/x.ts', "import type { TorView } from '../views';\nexport type A = TorView;")).toEqual([]);
    expect(await lint('shared/data.ts', "import { QuorumFailure } from './result';\nexport const a = QuorumFailure;")).toEqual([]);
    expect(await lint('shared/channels.ts', "import { EVENTS } from './events';\nexport const a = EVENTS;")).toEqual([]);
    expect(await lint('main/services/team/x.ts', "import { writeFileAtomic } from '../store/atomicFile';\nexport const a = writeFileAtomic;")).toEqual([]);
    expect(await lint('renderer/src/x.ts', "import type { Channel } from '@shared/channels';\nexport type A = Channel;")).toEqual([]);
  });

  it('allows electron in main/electron and the preload', async () => {
    expect(await lint('main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;")).toEqual([]);
    expect(await lint('main/preload.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;")).toEqual([]);
  });
});
