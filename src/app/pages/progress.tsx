import { ComingSoon } from '../../components/ComingSoon';

export default function Page() {
  return (
    <ComingSoon title="Progress">
      <p>
        See your quiz history, your mastery of each Service type and the confusions to work on, all
        kept in this browser and exportable.
      </p>
    </ComingSoon>
  );
}
