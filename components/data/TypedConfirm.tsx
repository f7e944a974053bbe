import { useId, useState } from 'react';

/**
 * A destructive action behind a typed word ("delete", "replace"): the button stays disabled until
 * the word is typed, so neither a stray click nor Enter can set it off.
 */
export function TypedConfirm({
  word,
  action,
  explanation,
  busy,
  onConfirm,
  onCancel,
}: {
  word: string;
  action: string;
  explanation: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState('');
  const id = useId();
  const ready = typed.trim().toLowerCase() === word;
  return (
    <div className="warning stack" role="group" aria-label={`Confirm: ${action}`}>
      <p>{explanation}</p>
      <label htmlFor={id}>
        Type <strong>{word}</strong> to confirm
      </label>
      <div className="row">
        <input id={id} value={typed} autoComplete="off" spellCheck={false} onChange={(e) => setTyped(e.target.value)} />
        <button type="button" className="danger" disabled={!ready || busy} onClick={onConfirm}>
          {action}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </div>
  );
}
