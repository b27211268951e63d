import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
// Every folder under src/features is a feature, so a new one is fenced in without editing this file.
const FEATURES = readdirSync(path.join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
// npm packages the domain may use: plain computation, no I/O, no rendering, no hidden clock.
const PURE_LIBRARIES = ['zod', 'ts-fsrs', 'jsonc-parser', 'immutable', 'papaparse'];
const BROWSER_LIBRARIES = ['react', 'react-dom', 'react-router', 'idb'];

/**
 * Which folder may import which, checked on resolved file paths (not on the import text), so
 * `../quiz/QuizPage` is caught as surely as `src/features/quiz/QuizPage`.
 */
const zones = [
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'A feature does not import another feature; compose them in src/app.',
  })),
  {
    target: ['./src/features', './src/components', './src/lib', './src/domain'],
    from: './src/app',
    message: 'Only src/app puts the app together; nothing imports it.',
  },
  {
    target: ['./src/components', './src/lib'],
    from: './src/features',
    message: 'Shared code does not import features.',
  },
  {
    target: './src/domain',
    from: './',
    except: ['./src/domain', ...PURE_LIBRARIES.map((name) => `./node_modules/${name}`)],
    message: `src/domain imports only src/domain and pure libraries (${PURE_LIBRARIES.join(', ')}); pass anything else in.`,
  },
  {
    target: './server',
    from: './',
    except: ['./server', './src/domain', './node_modules'],
    message: 'The server imports only src/domain, Node and npm packages.',
  },
  {
    target: './server',
    from: BROWSER_LIBRARIES.map((name) => `./node_modules/${name}`),
    message: 'The server does not use browser libraries.',
  },
];

const browserOnly = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'fetch',
  'location',
];
const hiddenInputs = {
  performance: 'Pass `now` in as an argument; performance.now() is a hidden clock.',
  crypto: 'Pass ids or a seeded random generator in; crypto is hidden randomness.',
  process: 'src/domain has no environment or I/O; pass values in.',
  globalThis: 'Reach nothing through globalThis; pass values in.',
  setTimeout: 'src/domain does not schedule work; let the caller own time.',
  setInterval: 'src/domain does not schedule work; let the caller own time.',
};
const PASS_NOW = 'Pass `now` in as an argument.';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'playwright-report',
      'test-results',
      'coverage',
      '.stryker',
      '.lighthouse',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      // An import that does not resolve would slip past the zones, so none is allowed.
      // Vite resolves these: asset imports, and the worker address (scripts/build/worker-chunk.ts).
      'import-x/no-unresolved': ['error', { ignore: ['\\?(url|raw)$', '^virtual:worker-url/'] }],
    },
  },
  // The browser app has no Node built-ins.
  { files: ['src/**/*.{ts,tsx}'], rules: { 'import-x/no-nodejs-modules': 'error' } },
  // The domain is plain TypeScript: no DOM, no I/O, no hidden time or randomness.
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...browserOnly.map((name) => ({
          name,
          message: 'src/domain has no DOM or I/O; pass values in.',
        })),
        ...Object.entries(hiddenInputs).map(([name, message]) => ({ name, message })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: PASS_NOW,
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: PASS_NOW },
        { selector: "CallExpression[callee.name='Date']", message: PASS_NOW },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Pass a seeded random generator in.',
        },
      ],
    },
  },
);
