import { QUIZ_INTRO, QuizPage } from '../../features/quiz/QuizPage';
import { progressStore } from '../../lib/progress';
import { randomId, randomSeed } from '../../lib/random';
import { BankGate } from '../BankGate';

export default function Page() {
  return (
    <BankGate title="Quiz" intro={QUIZ_INTRO}>
      {(bank, bankId) => (
        <QuizPage
          key={bankId}
          bank={bank}
          bankId={bankId}
          store={progressStore()}
          now={Date.now}
          newSeed={randomSeed}
          newId={randomId}
        />
      )}
    </BankGate>
  );
}
