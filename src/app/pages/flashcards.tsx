import { FlashcardsPage } from '../../features/flashcards/FlashcardsPage';
import { localCalendar } from '../../lib/calendar';
import { progressStore } from '../../lib/progress';
import { randomId } from '../../lib/random';
import { BankGate } from '../BankGate';

export default function Page() {
  return (
    <BankGate title="Flashcards">
      {(bank, bankId) => (
        <FlashcardsPage
          key={bankId}
          bank={bank}
          bankId={bankId}
          store={progressStore()}
          now={Date.now}
          newId={randomId}
          calendar={localCalendar}
        />
      )}
    </BankGate>
  );
}
