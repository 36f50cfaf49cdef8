// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  // test/fixtures holds third-party files as generated (e.g. Amplify's aws-exports.js), not our code.
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'coverage/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // electron is reachable only from the shell (main/app) and the preload; core, CLI, renderer and
      // emulator must run in plain Node or a plain browser.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'electron may be imported only in main/app/ and preload/.' }] }],
    },
  },
  {
    files: ['main/app/**', 'preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
