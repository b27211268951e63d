import { ProgressPage } from '../../features/progress/ProgressPage';
import { localCalendar } from '../../lib/calendar';
import { requestPersistence } from '../../lib/persistence';
import { progressStore } from '../../lib/progress';
import { BankGate } from '../BankGate';

export default function Page() {
  return (
    <BankGate title="Progress">
      {(bank) => (
        <ProgressPage
          bank={bank}
          store={progressStore()}
          now={Date.now}
          requestPersistence={requestPersistence}
          calendar={localCalendar}
        />
      )}
    </BankGate>
  );
}
