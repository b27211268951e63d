import type { Manifest } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  buildShell,
  inlineStyleSheet,
  preloadsFor,
  splitHoisted,
} from '../../scripts/build/shells';

// The shape Vite writes to dist/.vite/manifest.json, cut down to a few chunks.
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-a.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_runtime.js'],
    dynamicImports: ['src/app/pages/quiz.tsx', 'src/app/pages/team.tsx'],
    css: ['assets/index-a.css'],
  },
  '_runtime.js': { file: 'assets/runtime-r.js' },
  'src/app/pages/quiz.tsx': {
    file: 'assets/quiz-q.js',
    src: 'src/app/pages/quiz.tsx',
    isDynamicEntry: true,
    imports: ['_runtime.js', 'index.html', '_BankGate.js'],
  },
  'src/app/pages/team.tsx': {
    file: 'assets/team-t.js',
    src: 'src/app/pages/team.tsx',
    isDynamicEntry: true,
    imports: ['index.html', '_live.js'],
  },
  '_BankGate.js': { file: 'assets/BankGate-b.js', imports: ['_bank-source.js', 'index.html'] },
  '_bank-source.js': { file: 'assets/bank-source-s.js', assets: ['assets/questions-9.json'] },
  '_live.js': { file: 'assets/live-l.js', css: ['assets/live-l.css'] },
  'data/questions.json': { file: 'assets/questions-9.json', src: 'data/questions.json' },
};

describe('preloadsFor', () => {
  it('lists the page chunk and its static imports not already in the entry, and the bank it loads', () => {
    expect(preloadsFor(manifest, 'src/app/pages/quiz.tsx')).toEqual({
      modules: ['/assets/quiz-q.js', '/assets/BankGate-b.js', '/assets/bank-source-s.js'],
      stylesheets: [],
      fetches: ['/assets/questions-9.json'],
    });
  });

  it('adds the style sheets of the page, and no bank for a page that does not load one', () => {
    expect(preloadsFor(manifest, 'src/app/pages/team.tsx')).toEqual({
      modules: ['/assets/team-t.js', '/assets/live-l.js'],
      stylesheets: ['/assets/live-l.css'],
      fetches: [],
    });
  });

  it('needs nothing beyond the entry for home, and fails loudly for a page the build lacks', () => {
    expect(preloadsFor(manifest, undefined)).toEqual({ modules: [], stylesheets: [], fetches: [] });
    expect(() => preloadsFor(manifest, 'src/app/pages/gone.tsx')).toThrow(/gone\.tsx/);
  });
});

const template = `<!doctype html>
<html lang="en">
  <head>
    <title>Kube Service Trainer</title>
    <script type="module" crossorigin src="/assets/index-a.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('buildShell', () => {
  const rendered = {
    path: '/quiz',
    html: '<link rel="preload" as="image" href="/favicon.svg"/><title>Quiz · Kube Service Trainer</title><main><h1>Quiz</h1><p>Costs $&amp; $1</p></main>',
  };
  const preloads = {
    modules: ['/assets/quiz-q.js'],
    stylesheets: ['/assets/live-l.css'],
    fetches: ['/assets/questions-9.json'],
  };

  it('puts the page in #root marked with its path, its title in the head, and the preloads', () => {
    const html = buildShell(template, rendered, preloads);
    expect(html).toContain(
      '<div id="root" data-route="/quiz"><main><h1>Quiz</h1><p>Costs $&amp; $1</p></main></div>',
    );
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<title>Quiz · Kube Service Trainer</title>');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="preload" as="image" href="/favicon.svg"/>');
    expect(head).toContain('<link rel="stylesheet" crossorigin href="/assets/live-l.css">');
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/quiz-q.js">');
    // crossorigin, so the app's fetch() (mode cors) can use the preloaded response.
    expect(head).toContain(
      '<link rel="preload" as="fetch" crossorigin="anonymous" href="/assets/questions-9.json">',
    );
    expect(head.indexOf('questions-9.json')).toBeLessThan(head.indexOf('quiz-q.js'));
  });

  it('leaves the fallback shell unmarked, so the client renders it afresh on any path', () => {
    const html = buildShell(template, { path: null, html: '<main>Loading…</main>' }, preloads);
    expect(html).toContain('<div id="root"><main>Loading…</main></div>');
    expect(html).toContain('<title>Kube Service Trainer</title>');
  });

  it('refuses a template without the root element rather than write a page with no app', () => {
    expect(() => buildShell('<html></html>', rendered, preloads)).toThrow(/#root|id="root"/);
  });
});

describe('splitHoisted', () => {
  it('takes only the leading title and links, not those inside the page', () => {
    expect(splitHoisted('<title>T</title><link rel="x" href="/a"/><p><link rel="y"/></p>')).toEqual(
      {
        head: '<title>T</title><link rel="x" href="/a"/>',
        body: '<p><link rel="y"/></p>',
      },
    );
  });
});

describe('inlineStyleSheet', () => {
  const page = '<head><link rel="stylesheet" crossorigin href="/assets/index-a.css"></head>';

  it('puts the style sheet in the page in place of its link', () => {
    expect(inlineStyleSheet(page, '/assets/index-a.css', 'body{margin:0}\n')).toBe(
      '<head><style>body{margin:0}</style></head>',
    );
  });

  it('refuses a page without the link, or CSS that would close the element early', () => {
    expect(() => inlineStyleSheet(page, '/assets/other.css', 'a{}')).toThrow(/no <link/);
    expect(() => inlineStyleSheet(page, '/assets/index-a.css', 'a{content:"</style>"}')).toThrow(
      /<\/style/,
    );
  });
});
