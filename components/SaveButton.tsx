import { useState } from 'react';
import { notifyDataChanged } from './notify';

/** One-click save from a page: runs `save`, refreshes the badges, or says why it failed. */
export function SaveButton({ label, save }: { label: string; save(): Promise<unknown> }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await save();
      notifyDataChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="primary" onClick={onClick} disabled={busy}>
        {label}
      </button>
      {error && (
        <p role="alert" className="error">
          Could not save: {error}
        </p>
      )}
    </>
  );
}
