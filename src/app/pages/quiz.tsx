import { ComingSoon } from '../../components/ComingSoon';

export default function Page() {
  return (
    <ComingSoon title="Quiz">
      <p>
        Answer scenario questions one at a time and get instant feedback, a score, per-type accuracy
        and a confusion matrix.
      </p>
    </ComingSoon>
  );
}
