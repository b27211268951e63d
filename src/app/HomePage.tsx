import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading';
import { SERVICE_TYPES } from '../domain/service-types';

const MODES = [
  {
    to: '/quiz',
    name: 'Quiz',
    text: 'Read a scenario, pick the Service type, and learn from instant feedback on every choice.',
  },
  {
    to: '/flashcards',
    name: 'Flashcards',
    text: 'Spaced repetition brings back each scenario just before you would forget it.',
  },
  {
    to: '/progress',
    name: 'Progress',
    text: 'Your history, mastery per type and the confusions to work on, kept in this browser.',
  },
  {
    to: '/team',
    name: 'Team session',
    text: 'A trainer hosts a live round; everyone answers from their own device with a code.',
  },
  {
    to: '/banks',
    name: 'Question banks',
    text: 'Check and choose the scenario bank, or load your own for a training.',
  },
] as const;

export function HomePage() {
  return (
    <section className="page home">
      <PageHeading title="">Kube Service Trainer</PageHeading>
      <p className="lead">
        Learn to choose the right Kubernetes Service type for a real scenario:{' '}
        {SERVICE_TYPES.map((type, i) => (
          <span key={type}>
            <code>{type}</code>
            {i < SERVICE_TYPES.length - 2 ? ', ' : i === SERVICE_TYPES.length - 2 ? ' or ' : ''}
          </span>
        ))}
        . Every answer explains why it fits, why the others do not, and where the official docs say
        so.
      </p>
      <ul className="mode-grid" aria-label="Modes">
        {MODES.map((mode) => (
          <li key={mode.to} className="mode-card">
            <h2>
              <Link to={mode.to}>{mode.name}</Link>
            </h2>
            <p>{mode.text}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
