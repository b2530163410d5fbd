// Lint runs with zero warnings allowed (`eslint . --max-warnings 0`). The process boundary is enforced here:
// only the thin shell imports `electron`, shared/ imports neither Node nor the DOM, and the renderer reaches
// the core only through the typed api client.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SHELL_FILES = ['electron/main/index.ts', 'electron/preload/index.ts', 'electron/main/window.ts'];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'release', '.tsbuild', 'test-results', '.electron-native'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,ts}'],
    ignores: ['renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['electron/**/*.{ts,tsx}'],
    ignores: SHELL_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the thin shell (main entry, preload) imports electron.', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'react', 'react-dom', 'better-sqlite3', '../../electron/*', '../../renderer/*'],
              message: 'shared/ is pure: no Node, DOM, Electron or React.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'better-sqlite3', '**/electron/**'],
              message: 'The renderer reaches the core only through the api client.',
            },
          ],
        },
      ],
    },
  },
);
