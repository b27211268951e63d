/**
 * Moving stored data forward through format versions, one step at a time. A chain's step `i`
 * takes data written at version `i + 1` and returns it as version `i + 2` writes it, so the
 * current version is one more than the number of steps: appending a step is the version bump.
 * `context` tells a step what it is migrating (e.g. which kind of record), for steps that differ
 * by kind. A step throws when it cannot carry the data forward; its message says why.
 */
export type MigrationStep<Context> = (data: unknown, context: Context) => unknown;
export type MigrationChain<Context> = readonly MigrationStep<Context>[];

export type Migrated =
  | { ok: true; value: unknown; from: number }
  | { ok: false; problem: 'unversioned'; version: unknown }
  | { ok: false; problem: 'newer'; version: number; current: number }
  | { ok: false; problem: 'failed'; from: number; to: number; error: string };

export function currentVersion(chain: MigrationChain<never>): number {
  return chain.length + 1;
}

const isVersion = (version: unknown): version is number =>
  Number.isInteger(version) && (version as number) >= 1;

/** Runs `data`, written at `version`, through the rest of the chain. Never throws. */
export function migrate<Context>(
  data: unknown,
  version: unknown,
  chain: MigrationChain<Context>,
  context: Context,
): Migrated {
  if (!isVersion(version)) return { ok: false, problem: 'unversioned', version };
  const current = currentVersion(chain);
  if (version > current) return { ok: false, problem: 'newer', version, current };
  let value = data;
  for (let from = version; from < current; from += 1) {
    try {
      value = chain[from - 1]!(value, context);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, problem: 'failed', from, to: from + 1, error: message };
    }
  }
  return { ok: true, value, from: version };
}
