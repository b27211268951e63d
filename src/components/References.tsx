import type { Reference } from '../domain/bank-schema';
import { safeHref } from '../domain/rich-text';

export function References({ references }: { references: Reference[] | undefined }) {
  if (!references?.length) return null;
  return (
    <p className="references">
      <span>Kubernetes docs: </span>
      {references.map((ref, i) => {
        // The schema takes only http(s) addresses; checked again here, where it becomes a link.
        const href = safeHref(ref.url);
        return (
          <span key={`${i}-${ref.url}`}>
            {i > 0 && ' · '}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {ref.title}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : (
              ref.title
            )}
          </span>
        );
      })}
    </p>
  );
}
