import { useParams } from 'react-router';
import { ComingSoon } from '../../components/ComingSoon';

export default function Page() {
  const { code = '' } = useParams();
  return (
    <ComingSoon title="Join a session">
      <p>
        You followed a link to join the live session <strong>{code}</strong>. Live team sessions are
        not available yet; practise on your own with the quiz in the meantime.
      </p>
    </ComingSoon>
  );
}
