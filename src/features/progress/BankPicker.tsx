import { useId } from 'react';

interface Props {
  banks: readonly { id: string; title: string }[];
  activeId: string;
  shownId: string;
  onShow: (id: string) => void;
}

/** Progress is kept per bank: which bank's progress the page shows (the active one first). */
export function BankPicker({ banks, activeId, shownId, onShow }: Props) {
  const id = useId();
  return (
    <div className="field inline bank-picker">
      <label htmlFor={id}>Show progress in</label>
      <select id={id} value={shownId} onChange={(e) => onShow(e.target.value)}>
        {banks.map((b) => (
          <option key={b.id} value={b.id}>
            {b.title}
            {b.id === activeId ? ' (active bank)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
