import { useState, type ReactNode } from 'react';

/**
 * A text field over a stored value, saved when the rep leaves it. Between edits it shows what is
 * stored now — another window's edit, a merge that added to the notes — so leaving the field never
 * writes back a stale copy; while the rep types, their draft is theirs.
 */
export function StoredText({
  label,
  stored,
  onSave,
  multiline = false,
  placeholder,
}: {
  label: string;
  stored: string;
  onSave(value: string): Promise<unknown>;
  multiline?: boolean;
  placeholder?: string;
}): ReactNode {
  const [draft, setDraft] = useState<string>();
  const value = draft ?? stored;
  const leave = () => {
    if (draft === undefined) return;
    if (draft.trim() === stored.trim()) {
      setDraft(undefined);
      return;
    }
    // The draft stays until the save lands: a failed save keeps what the rep typed.
    void onSave(draft).then(() => setDraft(undefined), () => undefined);
  };
  const common = { 'aria-label': label, value, placeholder, onBlur: leave };
  return multiline ? (
    <textarea {...common} rows={3} onChange={(e) => setDraft(e.target.value)} />
  ) : (
    <input {...common} onChange={(e) => setDraft(e.target.value)} />
  );
}
