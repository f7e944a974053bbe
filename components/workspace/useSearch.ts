import { useEffect, useState } from 'react';
import { db } from '../../lib/db';
import { searchPeople, type PeopleSearch } from '../../lib/search/searchPeople';
import { messageOf } from '../useAction';

/**
 * The people matching `text`, searched again when the data changes (`version`). Results of an
 * older keystroke that arrive late are dropped; until the result for the current text and data,
 * the previous one stays on screen (the list never flashes empty while typing) and `searching`
 * says so.
 */
export function useSearch(text: string | undefined, version: number | undefined): { search: PeopleSearch | undefined; searching: boolean; error?: string } {
  const [result, setResult] = useState<{ text: string; version: number | undefined; search?: PeopleSearch; error?: string }>();
  useEffect(() => {
    if (!text) return;
    let current = true;
    const started = performance.now();
    searchPeople(db, text).then(
      (search) => {
        if (!current) return;
        performance.measure('groundwork:search', { start: started, detail: { text } });
        setResult({ text, version, search });
      },
      (error: unknown) => current && setResult((previous) => ({ text, version, search: previous?.search, error: messageOf(error) })),
    );
    return () => {
      current = false;
    };
  }, [text, version]);
  if (!text) return { search: undefined, searching: false };
  return { search: result?.search, searching: result?.text !== text || result.version !== version, ...(result?.error ? { error: result.error } : {}) };
}
