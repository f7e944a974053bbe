import { useState, type ReactNode } from 'react';
import { notifyDataChanged } from './notify';

/** What went wrong, in words for the rep. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * A write the rep starts from a button: the other surfaces hear of it when it lands; when it fails,
 * `alert` says why (and nothing was changed: every write is one transaction).
 */
export function useAction(): { run(work: () => Promise<unknown>): Promise<boolean>; error: string | undefined; alert: ReactNode } {
  const [error, setError] = useState<string>();
  const run = async (work: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await work();
      notifyDataChanged();
      return true;
    } catch (e) {
      setError(messageOf(e));
      return false;
    }
  };
  const alert = error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;
  return { run, error, alert };
}
