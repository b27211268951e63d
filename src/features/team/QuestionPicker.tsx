import { useId, useState } from 'react';
import type { Question, QuestionId } from '../../domain/bank-schema';
import { excerpt } from './QuestionStats';

interface Props {
  questions: readonly Question[];
  picked: ReadonlySet<QuestionId>;
  onChange: (picked: ReadonlySet<QuestionId>) => void;
}

/** Tick questions by id or words in the scenario; the session asks them in bank order. */
export function QuestionPicker({ questions, picked, onChange }: Props) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = questions.filter((q) => {
    const text = `${q.id} ${q.prompt} ${q.answer}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const toggle = (qid: QuestionId, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(qid);
    else next.delete(qid);
    onChange(next);
  };
  return (
    <div className="question-picker sub-fields">
      <div className="field inline">
        <label htmlFor={`${id}-filter`}>Filter questions</label>
        <input
          id={`${id}-filter`}
          type="search"
          value={filter}
          aria-describedby={`${id}-count`}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <p id={`${id}-count`} className="hint" aria-live="polite">
        {picked.size} chosen · {shown.length} of {questions.length} shown. They are asked in the
        order of the list.
      </p>
      <ul className="picker-list" aria-label="Questions in the bank">
        {shown.map((q) => (
          <li key={q.id}>
            <label className="choice">
              <input
                type="checkbox"
                checked={picked.has(q.id)}
                onChange={(e) => toggle(q.id, e.target.checked)}
              />
              <span>
                <span className="picker-prompt">{excerpt(q.prompt, 140)}</span>{' '}
                <span className="picker-meta">
                  {q.id} · {q.answer}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
