/**
 * The popup's library floor (bench/popup.ts): what any page built on our stack does before it
 * can show data — React DOM loaded and one element rendered, Dexie loaded and Groundwork's
 * database opened with the popup's first read — and nothing of ours beyond the schema. Bundled
 * by the bench into its copy of the extension; never part of the build.
 */
import { createElement, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { db } from '../lib/db/db';

function Floor() {
  const [settings, setSettings] = useState<'loading' | 'read'>('loading');
  useEffect(() => {
    void db.settings.get('settings').then(() => setSettings('read'));
  }, []);
  useEffect(() => {
    if (settings === 'read') performance.mark('groundwork:popup-painted');
  }, [settings]);
  return createElement('p', null, settings);
}

createRoot(document.getElementById('root')!).render(createElement(Floor));
