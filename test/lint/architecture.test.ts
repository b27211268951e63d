import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints probe snippets as if they sat at the given paths, with the project's own config, so the
// layering rules are tested the way `npm run lint` applies them.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.map((m) => m.ruleId ?? 'fatal');
}

const ZONES = 'import-x/no-restricted-paths';
const GLOBALS = 'no-restricted-globals';
const SYNTAX = 'no-restricted-syntax';

describe('lint refuses code that breaks the layering', () => {
  it.each([
    [
      'a feature importing another feature by a relative path',
      'src/features/progress/Probe.tsx',
      "import { QuizPage } from '../quiz/QuizPage';\nexport const probe = QuizPage;",
      ZONES,
    ],
    [
      'a feature importing the app shell',
      'src/features/progress/Probe.tsx',
      "import { AppRoutes } from '../../app/routes';\nexport const probe = AppRoutes;",
      ZONES,
    ],
    [
      'a shared component importing a feature',
      'src/components/Probe.tsx',
      "import { QuizPage } from '../features/quiz/QuizPage';\nexport const probe = QuizPage;",
      ZONES,
    ],
    [
      'an adapter in src/lib importing a feature',
      'src/lib/probe.ts',
      "import { SetAsideNotice } from '../features/progress/SetAsideNotice';\nexport const probe = SetAsideNotice;",
      ZONES,
    ],
    [
      'the domain importing React',
      'src/domain/probe.ts',
      "import { useState } from 'react';\nexport const probe = useState;",
      ZONES,
    ],
    [
      'the domain importing IndexedDB',
      'src/domain/probe.ts',
      "import { openDB } from 'idb';\nexport const probe = openDB;",
      ZONES,
    ],
    [
      'the domain importing an adapter from src/lib',
      'src/domain/probe.ts',
      "import { randomSeed } from '../lib/random';\nexport const probe = randomSeed;",
      ZONES,
    ],
    [
      'the domain importing a Node built-in',
      'src/domain/probe.ts',
      "import { randomUUID } from 'node:crypto';\nexport const probe = randomUUID;",
      'import-x/no-nodejs-modules',
    ],
    [
      'the server importing an adapter from src/lib',
      'server/probe.ts',
      "import { randomSeed } from '../src/lib/random';\nexport const probe = randomSeed;",
      ZONES,
    ],
    [
      'the server importing React',
      'server/probe.ts',
      "import { useState } from 'react';\nexport const probe = useState;",
      ZONES,
    ],
  ])('%s', async (_name, filePath, code, rule) => {
    expect(await ruleIds(filePath, code)).toContain(rule);
  });

  it.each([
    ['Date.now()', 'export const probe = () => Date.now();', SYNTAX],
    ['new Date()', 'export const probe = () => new Date();', SYNTAX],
    ['Date()', 'export const probe = () => Date();', SYNTAX],
    ['performance.now()', 'export const probe = () => performance.now();', GLOBALS],
    ['Math.random()', 'export const probe = () => Math.random();', SYNTAX],
    ['Math.random passed along', 'export const probe = Math.random;', SYNTAX],
    ['crypto.randomUUID()', 'export const probe = () => crypto.randomUUID();', GLOBALS],
    [
      'crypto.getRandomValues()',
      'export const probe = () => crypto.getRandomValues(new Uint8Array(4));',
      GLOBALS,
    ],
    ['globalThis.crypto', 'export const probe = () => globalThis.crypto.randomUUID();', GLOBALS],
  ])('the domain reading the clock or randomness: %s', async (_name, code, rule) => {
    expect(await ruleIds('src/domain/probe.ts', code)).toContain(rule);
  });
});

describe('lint accepts code that keeps the layering', () => {
  it.each([
    [
      'a feature using the domain, a shared component and its own files',
      'src/features/progress/Probe.tsx',
      [
        "import { describeProgress } from '../../domain/progress-export';",
        "import { PageHeading } from '../../components/PageHeading';",
        "import { SetAsideNotice } from './SetAsideNotice';",
        'export const probe = [describeProgress, PageHeading, SetAsideNotice];',
      ].join('\n'),
    ],
    [
      'the domain using itself, zod and a time it is given',
      'src/domain/probe.ts',
      [
        "import { z } from 'zod';",
        "import { SERVICE_TYPES } from './service-types';",
        'export const probe = (at: number) => [z.enum(SERVICE_TYPES), new Date(at)];',
      ].join('\n'),
    ],
    [
      'the server using the domain, Node and npm packages',
      'server/probe.ts',
      [
        "import { createServer } from 'node:http';",
        "import sirv from 'sirv';",
        "import { SERVICE_TYPES } from '../src/domain/service-types';",
        'export const probe = [createServer, sirv, SERVICE_TYPES];',
      ].join('\n'),
    ],
    [
      'the app composing features',
      'src/app/Probe.tsx',
      "import { QuizPage } from '../features/quiz/QuizPage';\nexport const probe = QuizPage;",
    ],
  ])('%s', async (_name, filePath, code) => {
    expect(await ruleIds(filePath, code)).toEqual([]);
  });
});
