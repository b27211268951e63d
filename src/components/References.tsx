import type { Reference } from '../domain/bank-schema';

export function References({ references }: { references: Reference[] | undefined }) {
  if (!references?.length) return null;
  return (
    <p className="references">
      <span>Kubernetes docs: </span>
      {references.map((ref, i) => (
        <span key={ref.url}>
          {i > 0 && ' · '}
          <a href={ref.url} target="_blank" rel="noreferrer">
            {ref.title}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        </span>
      ))}
    </p>
  );
}
