import { useState } from 'react';
import { Link } from 'react-router';
import type { ExportRow, FinalResults, HostView } from '../../domain/live-protocol';
import { downloadText } from '../../lib/download';
import { Leaderboard } from './Leaderboard';
import { Podium } from './Podium';
import { QuestionStats } from './QuestionStats';
import { useFocusOnStep } from './useLive';

interface Props {
  view: HostView;
  final: FinalResults;
  rows: readonly ExportRow[];
  today: () => string;
}

/** The podium, what the room found hard, and the results to take away. */
export function HostFinal({ view, final, rows, today }: Props) {
  const heading = useFocusOnStep<HTMLHeadingElement>('ended');
  const [saved, setSaved] = useState('');

  async function download(kind: 'csv' | 'json') {
    // The CSV writer loads only when someone exports.
    const { toCsv, toJson } = await import('../../lib/live-export');
    const name = `team-session-${view.code}-${today()}.${kind}`;
    if (kind === 'csv') downloadText(name, toCsv(rows), 'text/csv;charset=utf-8');
    else downloadText(name, toJson(rows), 'application/json');
    setSaved(`Saved ${name}.`);
  }

  return (
    <div className="host-final">
      <h2 ref={heading} tabIndex={-1}>
        Final results
      </h2>
      <p className="settings-summary">
        {view.title} · {view.total} question{view.total === 1 ? '' : 's'} ·{' '}
        {view.participants.length} participant{view.participants.length === 1 ? '' : 's'}
      </p>
      <Podium rows={final.podium} />
      <Leaderboard rows={final.leaderboard} />
      <QuestionStats final={final} />
      <section className="export" aria-labelledby="export-heading">
        <h3 id="export-heading">Export</h3>
        <p>
          One row per participant per question: name, question id, answer, correct, time in ms and
          points ({rows.length} row{rows.length === 1 ? '' : 's'}).
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={() => void download('csv')}>
            Download CSV
          </button>
          <button type="button" className="button secondary" onClick={() => void download('json')}>
            Download JSON
          </button>
        </div>
        <p className="hint" role="status">
          {saved}
        </p>
      </section>
      <p>
        <Link to="/team">Host another session</Link>
      </p>
    </div>
  );
}
