import { Settings } from '../model';
import type { GroundworkDB } from './db';

/** The rep's settings, defaults filled in for anything never set or added since. */
export async function loadSettings(db: GroundworkDB): Promise<Settings> {
  const row = await db.settings.get('settings');
  const parsed = Settings.safeParse(row?.value ?? {});
  // A stored record that no longer validates must not lock the rep out: fall back to defaults
  // for reading, and leave the row untouched so nothing is lost.
  return parsed.success ? parsed.data : Settings.parse({});
}

export async function saveSettings(db: GroundworkDB, settings: Settings): Promise<Settings> {
  const valid = Settings.parse(settings);
  await db.settings.put({ key: 'settings', value: valid });
  return valid;
}
