import { useEffect, useState } from 'react';
import { db } from '../../lib/db';
import { searchPeople, type PeopleSearch } from '../../lib/search/searchPeople';

/**
 * The people matching `text`, searched again when the data changes (`version`). Results of an
 * older keystroke that arrive late are dropped; until the first result for a new text, the
 * previous one stays (the list never flashes empty while typing).
 */
export function useSearch(text: string | undefined, version: number | undefined): { search: PeopleSearch | undefined; searching: boolean } {
  const [result, setResult] = useState<{ text: string; search: PeopleSearch }>();
  useEffect(() => {
    if (!text) return;
    let current = true;
    const started = performance.now();
    void searchPeople(db, text).then((search) => {
      if (!current) return;
      performance.measure('groundwork:search', { start: started, detail: { text } });
      setResult({ text, search });
    });
    return () => {
      current = false;
    };
  }, [text, version]);
  if (!text) return { search: undefined, searching: false };
  return { search: result?.search, searching: result?.text !== text };
}
