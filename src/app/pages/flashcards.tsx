import { ComingSoon } from '../../components/ComingSoon';

export default function Page() {
  return (
    <ComingSoon title="Flashcards">
      <p>
        Review every scenario as a card, scheduled by spaced repetition so you see each one just
        before you would forget it.
      </p>
    </ComingSoon>
  );
}
