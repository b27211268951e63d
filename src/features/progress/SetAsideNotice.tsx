import type { SetAsideRecord } from '../../domain/progress-store';
import { downloadJson } from '../../lib/download';

/** Damaged saved records are kept aside; say how many, and let the learner take them away. */
export function SetAsideNotice({
  records,
  onDiscard,
}: {
  records: SetAsideRecord[];
  onDiscard: () => void;
}) {
  if (records.length === 0) return null;
  const n = records.length;
  return (
    <div role="alert" className="alert alert-warn">
      <p>
        <strong>
          {n} saved record{n === 1 ? '' : 's'} could not be read and {n === 1 ? 'was' : 'were'} set
          aside.
        </strong>{' '}
        Everything else is intact and shown below. The damaged records are kept, not deleted:
        download them to keep a copy or to report the problem.
      </p>
      <p className="actions">
        <button
          type="button"
          className="button secondary small"
          onClick={() => downloadJson('kube-service-trainer-set-aside-records.json', records)}
        >
          Download set-aside records
        </button>
        <button type="button" className="button secondary small" onClick={onDiscard}>
          Discard them
        </button>
      </p>
    </div>
  );
}
