import { useId, useMemo } from 'react';
import type { Bank } from '../../domain/bank-schema';
import type { QueueFilter } from '../../domain/flashcard-queue';
import { studyTags } from '../../domain/study-tags';
import { SERVICE_TYPES } from '../../domain/service-types';

interface Props {
  bank: Bank;
  filter: QueueFilter;
  onChange: (filter: QueueFilter) => void;
}

/**
 * Study only some answer types, or one concept tag. Only tags that do not give the answer away are
 * listed (see studyTags): a tag is shown before the card is answered.
 */
export function FlashcardFilters({ bank, filter, onChange }: Props) {
  const tagId = useId();
  const tags = useMemo(() => studyTags(bank.questions), [bank]);
  const types = filter.types ?? new Set(SERVICE_TYPES);

  function toggle(type: (typeof SERVICE_TYPES)[number], on: boolean) {
    const next = new Set(types);
    if (on) next.add(type);
    else next.delete(type);
    // Every type (or none, which would hide every card) is no filter at all.
    onChange({
      ...filter,
      types: next.size === SERVICE_TYPES.length || next.size === 0 ? null : next,
    });
  }

  return (
    <div className="flashcard-filters">
      <fieldset>
        <legend>Answer types</legend>
        <div className="choice-row">
          {SERVICE_TYPES.map((type) => (
            <label key={type} className="choice">
              <input
                type="checkbox"
                checked={types.has(type)}
                disabled={types.size === 1 && types.has(type)}
                onChange={(e) => toggle(type, e.target.checked)}
              />
              {type}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={tagId}>Tag</label>
        <select
          id={tagId}
          value={filter.tag ?? ''}
          onChange={(e) => onChange({ ...filter, tag: e.target.value || null })}
        >
          <option value="">All tags</option>
          {tags.map(({ tag, count }) => (
            <option key={tag} value={tag}>
              {tag} ({count})
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
