import { useId, useState, type KeyboardEvent } from 'react';

/** A list of short values typed one at a time: Enter or comma adds, × (or Backspace) removes. */
export function TagInput({
  label,
  hint,
  values,
  onChange,
  placeholder,
  suggestions = [],
}: {
  label: string;
  hint?: string;
  values: readonly string[];
  onChange(values: string[]): void;
  placeholder?: string;
  /** Values offered as the rep types (the browser's own suggestion list). */
  suggestions?: readonly string[];
}) {
  const id = useId();
  const listId = `${id}-suggestions`;
  const [text, setText] = useState('');
  const add = (raw: string) => {
    const value = raw.trim();
    if (value && !values.some((v) => v.toLowerCase() === value.toLowerCase())) onChange([...values, value]);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <div className="tag-input">
      <label htmlFor={id}>
        <strong>{label}</strong>
        {hint && <span className="muted small"> — {hint}</span>}
      </label>
      <ul className="row tags" aria-label={label}>
        {values.map((value) => (
          <li key={value} className="badge">
            {value}{' '}
            <button type="button" className="tag-remove" aria-label={`Remove ${value}`} onClick={() => onChange(values.filter((v) => v !== value))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        value={text}
        placeholder={placeholder ?? 'Type and press Enter'}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => add(text)}
        {...(suggestions.length ? { list: listId } : {})}
      />
      {suggestions.length > 0 && (
        <datalist id={listId}>
          {suggestions
            .filter((s) => !values.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      )}
    </div>
  );
}
