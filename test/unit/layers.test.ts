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
  ])('%s: refuses %s', async (file, code, message) => {
    const messages = await lint(file, code);
    expect(messages.join('\n')).toMatch(message);
  });

  it('allows electron in main/electron and the preload', async () => {
    expect(await lint('main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;")).toEqual([]);
    expect(await lint('main/preload.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;")).toEqual([]);
  });
});
