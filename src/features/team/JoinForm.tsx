import { useId, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import {
  joinCodeSchema,
  nameSchema,
  NAME_MAX_LENGTH,
  normalizeJoinCode,
  type JoinCode,
} from '../../domain/live-protocol';

export interface JoinFormProblem {
  /** Which field the person should change, if one. */
  field: 'code' | 'name' | null;
  text: string;
}

interface Props {
  initialCode?: string;
  initialName?: string;
  /** A refusal from the server (wrong code, name taken…): shown, and its field focused. */
  problem?: JoinFormProblem | null;
  busy?: boolean;
  onJoin: (code: JoinCode, name: string) => void;
}

/** Join code and name, checked here first with the protocol's own rules. */
export function JoinForm({ initialCode = '', initialName = '', problem, busy, onJoin }: Props) {
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState(initialName);
  const [errors, setErrors] = useState<{ code?: string; name?: string }>({});
  const codeRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const id = useId();

  // The form is shown afresh after each refusal, so this runs once per refusal.
  const problemField = problem?.field ?? null;
  useLayoutEffect(() => {
    if (problemField === 'code') codeRef.current?.focus();
    if (problemField === 'name') {
      nameRef.current?.focus();
      nameRef.current?.select();
    }
  }, [problemField]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const typedCode = normalizeJoinCode(code);
    const parsedCode = joinCodeSchema.safeParse(typedCode);
    const parsedName = nameSchema.safeParse(name);
    const next = {
      code: parsedCode.success
        ? undefined
        : typedCode === ''
          ? 'Enter the join code your trainer shows.'
          : 'A join code is 6 letters and digits, like K8S4B2.',
      name: parsedName.success
        ? undefined
        : `Enter a name of 1 to ${NAME_MAX_LENGTH} characters, as the room will see it.`,
    };
    setErrors(next);
    if (!parsedCode.success) codeRef.current?.focus();
    else if (!parsedName.success) nameRef.current?.focus();
    else onJoin(parsedCode.data, parsedName.data);
  }

  const alert = problem?.text ?? null;
  return (
    <form className="join-form" onSubmit={submit} noValidate>
      {alert && (
        <div role="alert" className="alert alert-error">
          <p>{alert}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-code`}>Join code</label>
        <input
          ref={codeRef}
          id={`${id}-code`}
          type="text"
          className="code-input"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={16}
          aria-invalid={errors.code ? true : undefined}
          aria-describedby={errors.code ? `${id}-code-error` : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
        {errors.code && (
          <p id={`${id}-code-error`} className="field-error">
            {errors.code}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          ref={nameRef}
          id={`${id}-name`}
          type="text"
          value={name}
          autoComplete="nickname"
          maxLength={NAME_MAX_LENGTH * 2}
          aria-invalid={errors.name || problem?.field === 'name' ? true : undefined}
          aria-describedby={errors.name ? `${id}-name-error` : `${id}-name-hint`}
          onChange={(e) => setName(e.target.value)}
        />
        {errors.name ? (
          <p id={`${id}-name-error`} className="field-error">
            {errors.name}
          </p>
        ) : (
          <p id={`${id}-name-hint`} className="hint">
            Shown to the room on the leaderboard. Up to {NAME_MAX_LENGTH} characters.
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          Join
        </button>
      </div>
    </form>
  );
}
