// Lint enforces the layers (VS Code style): shared/ is pure, renderer/ never reaches Node or
// Electron, and only main/electron/** and the preload import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'util', 'stream', 'http', 'net', 'url'];

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
    files: ['test/couchServer/*.cjs', 'test/integration/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is pure: no Electron.' },
            { name: 'react', message: 'shared/ is pure: no React.' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs in the renderer too: no Node built-ins.' },
            { group: ['**/main/**', '**/main', '**/renderer/**', '**/renderer'], message: 'shared/ is the bottom layer: it may not import main/ or renderer/.' },
          ],
        },
      ],
    },
  },
  {
    // main/services is the Node layer under the Electron shell: it may not reach up into the shell or the window.
    files: ['main/services/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/electron/**', '**/renderer/**', '**/renderer'], message: 'main/services and the CLI may not import main/electron or the renderer: the shell depends on the services, not the other way.' }] },
      ],
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
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.quorum.' }],
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node: ask main through the bridge.' },
            { group: ['**/main/**'], message: 'The renderer may not import main-process code.' },
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
