import type { DamagedBank } from '../../lib/bank-library';

/** Stored banks that can no longer be read: said plainly, removed only when the learner says so. */
export function DamagedBanks({
  damaged,
  onRemove,
}: {
  damaged: readonly DamagedBank[];
  onRemove: (id: string) => void;
}) {
  return (
    <div role="alert" className="alert alert-warn">
      <p>
        {damaged.length === 1 ? 'A stored bank' : `${damaged.length} stored banks`} could not be
        read, so {damaged.length === 1 ? 'it is' : 'they are'} not listed. Load the file again to
        replace {damaged.length === 1 ? 'it' : 'them'}; your progress is kept either way.
      </p>
      <ul className="problem-list">
        {damaged.map((d) => (
          <li key={d.id}>
            {d.id}: {d.reason}{' '}
            <button type="button" className="button secondary small" onClick={() => onRemove(d.id)}>
              Remove<span className="visually-hidden"> {d.id}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
