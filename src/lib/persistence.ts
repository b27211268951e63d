export type PersistenceState = 'persisted' | 'refused' | 'unsupported';

/**
 * Asks the browser to keep this site's storage even under storage pressure. Browsers may grant it
 * silently (an installed app, a bookmarked or much-used site) or refuse; either way, say so.
 */
export async function requestPersistence(): Promise<PersistenceState> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'persisted';
    return (await navigator.storage.persist()) ? 'persisted' : 'refused';
  } catch {
    return 'refused';
  }
}
