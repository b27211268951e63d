// Pure helpers for the prerendered HTML shells: what each route must preload, and how its
// rendered markup goes into the built index.html. Kept apart from the Vite plugin so they are
// unit-tested on their own.
import type { Manifest } from 'vite';

export interface ShellRoute {
  path: string;
  /** The file the server and the service worker answer `path` with. */
  file: string;
  /** The route's page module (a key of the build manifest); none for home, in the entry chunk. */
  page?: string;
}

/** Every route that has a first screen worth painting before the JavaScript runs. */
export const SHELL_ROUTES: ShellRoute[] = [
  { path: '/', file: 'index.html' },
  { path: '/quiz', file: 'quiz.html', page: 'src/app/pages/quiz.tsx' },
  { path: '/flashcards', file: 'flashcards.html', page: 'src/app/pages/flashcards.tsx' },
  { path: '/progress', file: 'progress.html', page: 'src/app/pages/progress.tsx' },
  { path: '/team', file: 'team.html', page: 'src/app/pages/team.tsx' },
  { path: '/banks', file: 'banks.html', page: 'src/app/pages/banks.tsx' },
];

/** The page for any other path (a join link, a host page, a 404): the layout, the page loading. */
export const FALLBACK_SHELL = 'shell.html';

/** The built-in bank, as the build manifest names it. */
export const BANK_MODULE = 'data/questions.json';

/**
 * The manifest keys of `keys` and every chunk they import statically, depth first in the order the
 * manifest lists the imports. Keys the manifest lacks are left out.
 */
export function staticClosure(
  manifest: Record<string, { imports?: string[] }>,
  keys: string[],
): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return seen;
}

export interface Preloads {
  /** Scripts the route's page needs beyond the entry, in the order the manifest lists them. */
  modules: string[];
  stylesheets: string[];
  /** Data the page fetches at once (the bank), to download in parallel with the scripts. */
  fetches: string[];
}

/**
 * What a route needs beyond the entry chunk: its page chunk and every chunk that one imports
 * statically, their style sheets, and the bank when one of those chunks loads it.
 */
export function preloadsFor(manifest: Manifest, page: string | undefined): Preloads {
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entryKey) throw new Error('the build manifest has no entry chunk');
  const entry = manifest[entryKey]!;
  const loaded = staticClosure(manifest, [entryKey]);
  if (page && !manifest[page]) throw new Error(`the build manifest has no chunk for ${page}`);
  const needed = staticClosure(manifest, page ? [page] : []);
  const chunks = [...needed].filter((key) => !loaded.has(key)).map((key) => manifest[key]!);
  const bank = manifest[BANK_MODULE]?.file;
  return {
    modules: chunks.map((chunk) => `/${chunk.file}`),
    stylesheets: [...new Set(chunks.flatMap((chunk) => chunk.css ?? []))]
      .filter((css) => !entry.css?.includes(css))
      .map((css) => `/${css}`),
    fetches: bank && chunks.some((chunk) => chunk.assets?.includes(bank)) ? [`/${bank}`] : [],
  };
}

export interface Rendered {
  /** The path the markup was rendered for; null for the fallback shell, which fits no path. */
  path: string | null;
  /** renderRoute's output: hoisted head elements (title, preloads) first, then the body. */
  html: string;
}

/** Splits React's output into what it hoists to the head (title, links) and the page itself. */
export function splitHoisted(html: string): { head: string; body: string } {
  const hoisted = /^(?:<title>[^<]*<\/title>|<(?:link|meta)\b[^>]*\/?>)*/.exec(html)?.[0] ?? '';
  return { head: hoisted, body: html.slice(hoisted.length) };
}

/**
 * The built index.html with a route's first screen in #root (marked with its path, so the client
 * hydrates it only on that path), its title, and links that start its scripts, style sheets and
 * data downloading at once.
 */
export function buildShell(template: string, rendered: Rendered, preloads: Preloads): string {
  const { head, body } = splitHoisted(rendered.html);
  const title = /<title>[^<]*<\/title>/.exec(head)?.[0];
  const links = [
    ...(head.replace(/<title>[^<]*<\/title>/, '').match(/<(?:link|meta)\b[^>]*\/?>/g) ?? []),
    ...preloads.stylesheets.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
    // The bank first: the largest download, and the page waits for it as much as for its code.
    ...preloads.fetches.map(
      (href) => `<link rel="preload" as="fetch" crossorigin="anonymous" href="${href}">`,
    ),
    ...preloads.modules.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
  ];
  const root = '<div id="root"></div>';
  if (!template.includes(root)) throw new Error(`the built index.html has no ${root}`);
  const marker = rendered.path === null ? '' : ` data-route="${rendered.path}"`;
  // Replacer functions, so a `$` in the page's text is never read as a replacement pattern.
  let html = template.replace(root, () => `<div id="root"${marker}>${body}</div>`);
  if (title) html = html.replace(/<title>[^<]*<\/title>/, () => title);
  return html.replace(/\s*<\/head>/, () => `${links.map((l) => `\n    ${l}`).join('')}\n  </head>`);
}

/**
 * The page with the app's style sheet in a `<style>` element instead of a `<link>`: the first paint
 * then needs the page alone, not a second request (one round trip less on a slow connection; 4 KB
 * more in each compressed page).
 */
export function inlineStyleSheet(html: string, href: string, css: string): string {
  const link = `<link rel="stylesheet" crossorigin href="${href}">`;
  if (!html.includes(link)) throw new Error(`the page has no ${link} to inline`);
  if (/<\/style/i.test(css))
    throw new Error(`${href} contains "</style", which would end the element`);
  return html.replace(link, () => `<style>${css.trim()}</style>`);
}
