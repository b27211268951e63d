import type { HostView } from '../../domain/live-protocol';

/** The session's settings in one line, so the host can tell the room what to expect. */
export function SettingsSummary({ view }: { view: HostView }) {
  const { secondsPerQuestion, scoring, lateJoin } = view.settings;
  const parts = [
    `${view.total} question${view.total === 1 ? '' : 's'} from ${view.title}`,
    secondsPerQuestion === null
      ? 'untimed: you reveal each answer'
      : `${secondsPerQuestion} s per question`,
    scoring === 'speed' ? 'points for accuracy plus a speed bonus' : 'points for accuracy only',
    lateJoin ? 'late joiners welcome' : 'no joining after the start',
  ];
  return <p className="settings-summary">{parts.join(' · ')}</p>;
}
