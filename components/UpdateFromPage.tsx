import { useState } from 'react';

export interface FieldChange {
  field: string;
  label: string;
  stored: string | undefined;
  seen: string;
}

/**
 * "Update from page": what LinkedIn now shows that differs from the saved record (a new title,
 * a new company, a fact not yet stored), shown before anything is written. The rep picks what to
 * take; nothing changes until Apply.
 */
export function UpdateFromPage({ changes, onApply }: { changes: FieldChange[]; onApply(accepted: string[]): Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();
  if (changes.length === 0) return null;

  if (!open) {
    return (
      <div className="row">
        <button type="button" onClick={() => setOpen(true)}>
          Update from page
        </button>
        <span className="muted small">LinkedIn shows {changes.length === 1 ? 'a change' : `${changes.length} changes`}</span>
      </div>
    );
  }

  const apply = async () => {
    try {
      await onApply(changes.map((c) => c.field).filter((f) => !skipped.has(f)));
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const toggle = (field: string) =>
    setSkipped((s) => {
      const next = new Set(s);
      if (!next.delete(field)) next.add(field);
      return next;
    });
  return (
    <section className="card stack" aria-label="Changes on LinkedIn">
      <h2 className="section-heading">Changes on LinkedIn</h2>
      <ul className="plain">
        {changes.map((change) => (
          <li key={change.field} style={{ padding: '4px 0' }}>
            <label className="row">
              <input type="checkbox" checked={!skipped.has(change.field)} onChange={() => toggle(change.field)} />
              <span>
                <strong>{change.label}:</strong> <del className="muted">{change.stored ?? '—'}</del> → {change.seen}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" className="primary" onClick={apply} disabled={skipped.size === changes.length}>
          Apply
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Not now
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          Could not update: {error}
        </p>
      )}
    </section>
  );
}
