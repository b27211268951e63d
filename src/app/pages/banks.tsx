import { ComingSoon } from '../../components/ComingSoon';

export default function Page() {
  return (
    <ComingSoon title="Question banks">
      <p>
        Load a question bank of your own, see every problem in it named by question and field, and
        choose which bank the app uses.
      </p>
    </ComingSoon>
  );
}
