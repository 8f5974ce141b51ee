// Lint enforces the layers (VS Code style; docs/ARCHITECTURE.md, layers): between the three top
// folders (shared/ is pure, renderer/ never reaches Node or Electron, only main/electron/** and the
// preload import 'electron') and inside each: a layer imports only from the layers below it.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

// Node's own modules, from Node itself: `node:` names by pattern, bare names (`fs`, `fs/promises`,
// `zlib`, `module`) exactly, so a sibling file called events.ts is not mistaken for one.
const nodeBuiltins = ['node:*'];
const nodeBuiltinPaths = (message) => builtinModules.map((name) => ({ name, message }));

/**
 * shared/, bottom to top. A file may import its own layer and those below; `modules` are the
 * folders and top-level files that make up the layer, as an import names them.
 */
const SHARED_LAYERS = [
  { layer: 'the base (result, clock, events)', files: ['shared/result.ts', 'shared/clock.ts', 'shared/events.ts'], modules: ['result', 'clock', 'events'] },
  { layer: 'schema', files: ['shared/schema/**', 'shared/validation.ts', 'shared/zip.ts', 'shared/zipWriter.ts', 'shared/ooxml.ts'], modules: ['schema', 'validation', 'zip', 'zipWriter', 'ooxml'] },
  { layer: 'data and views', files: ['shared/data.ts', 'shared/views.ts'], modules: ['data', 'views'] },
  { layer: 'kernel', files: ['shared/kernel/**'], modules: ['kernel'] },
  { layer: 'rules', files: ['shared/rules/**', 'shared/team/**', 'shared/migrations/**', 'shared/search/**'], modules: ['rules', 'team', 'migrations', 'search'] },
  { layer: 'pack and imports', files: ['shared/pack/**', 'shared/imports/**'], modules: ['pack', 'imports'] },
  { layer: 'exports', files: ['shared/exports/**', 'shared/protocol/**'], modules: ['exports', 'protocol'] },
  { layer: 'publish', files: ['shared/publish/**'], modules: ['publish'] },
  { layer: 'features', files: ['shared/features/**'], modules: ['features'] },
  { layer: 'operations', files: ['shared/operations/**', 'shared/example/**'], modules: ['operations', 'example'] },
  { layer: 'the bridge', files: ['shared/channels.ts', 'shared/contract.ts', 'shared/bridge.ts'], modules: ['channels', 'contract', 'bridge'] },
];

const sharedBase = {
  paths: [
    { name: 'electron', message: 'shared/ is pure: no Electron.' },
    { name: 'react', message: 'shared/ is pure: no React.' },
    ...nodeBuiltinPaths('shared/ runs in the renderer too: no Node built-ins.'),
  ],
  patterns: [
    { group: nodeBuiltins, message: 'shared/ runs in the renderer too: no Node built-ins.' },
    { group: ['**/main/**', '**/main', '**/renderer/**', '**/renderer'], message: 'shared/ is the bottom layer: it may not import main/ or renderer/.' },
  ],
};

const sharedLayerRules = SHARED_LAYERS.map(({ layer, files }, i) => {
  const above = SHARED_LAYERS.slice(i + 1);
  return {
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          ...sharedBase,
          patterns: [
            ...sharedBase.patterns,
            ...above.map((up) => ({ group: up.modules.flatMap((m) => [`**/${m}`, `**/${m}/**`]), message: `shared/: ${layer} sits below ${up.layer}, so it may not import it.` })),
          ],
        },
      ],
    },
  };
});

/**
 * main/services, bottom to top: the store and the PDF printer; records and papers; team mode and
 * imports; then the services' own files (session, effects, packs…), which the CLI and the
 * Electron shell sit on. Inside services/, a folder is named from a sibling as `../folder/…`.
 */
const SERVICE_FILES = readdirSync(new URL('./main/services', import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
const SERVICE_LAYERS = [
  { layer: 'the store and the PDF printer', folders: ['store', 'pdf'] },
  { layer: 'records and papers', folders: ['records', 'papers'] },
  { layer: 'team mode and imports', folders: ['team', 'imports'] },
];
const serviceLayerRules = SERVICE_LAYERS.map(({ layer, folders }, i) => ({
  files: folders.map((f) => `main/services/${f}/**/*.ts`),
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: ['**/electron/**', '**/renderer/**', '**/renderer', '**/cli/**'], message: 'main/services may not import main/electron, the CLI or the renderer: they depend on the services, not the other way.' },
          ...SERVICE_LAYERS.slice(i + 1).map((up) => ({ group: up.folders.flatMap((f) => [`../${f}`, `../${f}/**`]), message: `main/services: ${layer} sit below ${up.layer}, so they may not import them.` })),
          { group: SERVICE_FILES.map((f) => `../${f}`), message: `main/services: ${layer} sit below the services' own files (session, effects, packs…), so they may not import them.` },
        ],
      },
    ],
  },
}));

/** Packages that only work in Node (or only in main): never bundled into the window. */
const NODE_ONLY_PACKAGES = ['electron-store', 'lowdb', 'pouchdb', 'pouchdb-server', 'exceljs', 'mammoth', 'playwright-core', 'date-holidays', '@mixmark-io/domino', 'papaparse'];

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'example-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.ts', 'scripts/**/*.{ts,mjs}', '*.config.ts', '*.config.js', 'bin/**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The test CouchDB server's launcher is CommonJS: it must patch a module before pouchdb-server requires it.
    files: ['test/couchServer/*.cjs', 'test/readback/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Every file in shared/ is pure; the layer blocks below add the layers above each file's own.
  { files: ['shared/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', sharedBase] } },
  ...sharedLayerRules,
  {
    // main/services is the Node layer under the Electron shell and the CLI: it may not reach up into either, or the window.
    files: ['main/services/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/renderer', '**/cli/**'], message: 'main/services may not import main/electron, the CLI or the renderer: they depend on the services, not the other way.' }] },
      ],
    },
  },
  ...serviceLayerRules,
  {
    // The CLI and the Electron shell are two front ends on the services: neither imports the other, nor the window.
    files: ['main/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/renderer'], message: 'The CLI may not import main/electron or the renderer: the shell and the CLI are two front ends on the services.' }] }],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**', '**/renderer/**', '**/renderer'], message: 'main/electron may not import the CLI or the renderer: the shell and the CLI are two front ends on the services.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.quorum.' },
            ...nodeBuiltinPaths('The renderer has no Node: ask main through the bridge.'),
            ...NODE_ONLY_PACKAGES.map((name) => ({ name, message: `${name} works only in main: ask main through the bridge.` })),
            // The channel names' values come from the whole operation catalogue; the window takes them as types only.
            { name: '@shared/channels', allowTypeImports: true, message: 'The renderer takes the channels as types only: their values pull in every operation.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node: ask main through the bridge.' },
            { group: ['**/main/**'], message: 'The renderer may not import main-process code.' },
            {
              group: ['@shared/features', '@shared/features/**', '@shared/operations', '@shared/operations/**', '@shared/kernel/**', '@shared/example/**', '@shared/migrations/**', '@shared/publish/**', '**/shared/features/**', '**/shared/operations/**'],
              message: 'The renderer takes from shared/ what the bridge and the views export (shared/contract.ts, shared/views.ts) and pure helpers; operations run in main.',
            },
          ],
        },
      ],
    },
  },
  {
    // Time is an input (DESIGN): only shared/clock.ts reads the wall clock; everything else is handed a Clock.
    files: ['main/**/*.ts', 'test/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    ignores: ['shared/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time from a Clock (shared/clock.ts), never new Date().' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read the time from a Clock (shared/clock.ts), never Date.now(); time a step with performance.now().' },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'test/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['main/electron/**', 'main/preload.ts', 'test/main/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/electron/** and the preload import electron.' }] }],
    },
  },
);
