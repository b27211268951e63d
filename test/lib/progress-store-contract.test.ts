import 'fake-indexeddb/auto';
import { createIdbProgressStore } from '../../src/lib/idb-progress-store';
import { createMemoryDatabase } from '../fakes/memory-progress-store';
import { describeProgressStoreContract } from './progress-store-contract';

let databases = 0;

describeProgressStoreContract('IndexedDB (fake-indexeddb)', () => {
  const name = `contract-${++databases}`;
  return { open: () => createIdbProgressStore(name) };
});

describeProgressStoreContract('in memory (test/fakes)', () => createMemoryDatabase());
