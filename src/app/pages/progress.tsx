import { useEffect, useState } from 'react';
import { ProgressPage } from '../../features/progress/ProgressPage';
import { localCalendar } from '../../lib/calendar';
import { requestPersistence } from '../../lib/persistence';
import { progressStore } from '../../lib/progress';
import { bankLibrary } from '../../lib/bank-source';
import { BankGate } from '../BankGate';

export default function Page() {
  const titles = useBankTitles();
  return (
    <BankGate title="Progress">
      {(bank, bankId) => (
        <ProgressPage
          bank={bank}
          bankId={bankId}
          bankTitles={titles}
          store={progressStore()}
          now={Date.now}
          requestPersistence={requestPersistence}
          calendar={localCalendar}
        />
      )}
    </BankGate>
  );
}

/** The titles of the learner's banks, to name them beside their progress. */
function useBankTitles(): ReadonlyMap<string, string> | undefined {
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>();
  useEffect(() => {
    let live = true;
    bankLibrary()
      .list()
      .then(({ entries }) => live && setTitles(new Map(entries.map((e) => [e.id, e.title]))))
      // Without storage the page still names banks by the titles their progress was kept under.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return titles;
}
