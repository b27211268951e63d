import type { ReactNode } from 'react';

interface Props {
  type: 'radio' | 'checkbox';
  name?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}

/** One radio button or checkbox with its label, large enough to tap. */
export function Choice({ type, name, checked, onChange, children }: Props) {
  return (
    <label className="choice">
      <input
        type={type}
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      {children}
    </label>
  );
}
