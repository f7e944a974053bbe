import { z } from 'zod';
import { IdealCustomerProfile } from '../model';
import type { GroundworkDB } from './db';
import { newId } from './ids';
import { loadSettings, saveSettings } from './settings';

/** Default weights: who they are and what they do matter most; place and keywords least. */
export const DEFAULT_WEIGHTS: IdealCustomerProfile['weights'] = {
  industry: 3,
  size: 2,
  seniority: 3,
  title: 2,
  location: 1,
  keywords: 1,
};

export function blankProfile(name: string, now: number = Date.now()): IdealCustomerProfile {
  return {
    id: newId(),
    name,
    industries: { include: [], exclude: [] },
    sizeBands: [],
    seniorities: [],
    titleKeywords: [],
    locations: [],
    keywords: [],
    exclusions: { students: true, recruiters: true, companies: [] },
    weights: { ...DEFAULT_WEIGHTS },
    createdAt: now,
    updatedAt: now,
  };
}

export async function listProfiles(db: GroundworkDB): Promise<IdealCustomerProfile[]> {
  // A rep has a handful of profiles: no index needed to order them.
  return (await db.profiles.toArray()).sort((a, b) => a.createdAt - b.createdAt);
}

/** The active profile; undefined until the rep has made one. */
export async function activeProfile(db: GroundworkDB): Promise<IdealCustomerProfile | undefined> {
  const { activeProfileId } = await loadSettings(db);
  const active = activeProfileId ? await db.profiles.get(activeProfileId) : undefined;
  return active ?? (await listProfiles(db))[0];
}

/** Validates and stores a profile (new version: updatedAt moves on); the first becomes active. */
export async function saveProfile(
  db: GroundworkDB,
  profile: IdealCustomerProfile,
  now: number = Date.now(),
): Promise<IdealCustomerProfile> {
  const valid = IdealCustomerProfile.parse({ ...profile, updatedAt: Math.max(now, profile.updatedAt + 1) });
  await db.transaction('rw', db.profiles, db.settings, async () => {
    await db.profiles.put(valid);
    const settings = await loadSettings(db);
    if (!settings.activeProfileId || !(await db.profiles.get(settings.activeProfileId))) {
      await saveSettings(db, { ...settings, activeProfileId: valid.id });
    }
  });
  return valid;
}

export async function setActiveProfile(db: GroundworkDB, id: string): Promise<void> {
  await db.transaction('rw', db.profiles, db.settings, async () => {
    if (!(await db.profiles.get(id))) throw new Error(`No profile with id ${id}`);
    await saveSettings(db, { ...(await loadSettings(db)), activeProfileId: id });
  });
}

/** Deletes a profile; the last one cannot go (at least one is required once set up). */
export async function deleteProfile(db: GroundworkDB, id: string): Promise<void> {
  await db.transaction('rw', db.profiles, db.settings, async () => {
    const all = await listProfiles(db);
    if (all.length <= 1) throw new Error('Keep at least one ideal customer profile');
    await db.profiles.delete(id);
    const settings = await loadSettings(db);
    if (settings.activeProfileId === id) {
      await saveSettings(db, { ...settings, activeProfileId: all.find((p) => p.id !== id)!.id });
    }
  });
}

// ——— Export and import: a small, versioned JSON file ———

export const PROFILE_FILE_FORMAT = 'groundwork-ideal-customer-profile';
export const PROFILE_FILE_VERSION = 1;

const ProfileFile = z.object({
  format: z.literal(PROFILE_FILE_FORMAT),
  version: z.number().int(),
  profile: IdealCustomerProfile.omit({ id: true, createdAt: true, updatedAt: true }),
});

export function profileToFile(profile: IdealCustomerProfile): string {
  const { id: _id, createdAt: _c, updatedAt: _u, ...portable } = profile;
  return `${JSON.stringify({ format: PROFILE_FILE_FORMAT, version: PROFILE_FILE_VERSION, profile: portable }, null, 2)}\n`;
}

/** A profile file is a few KB; anything past this is something else, refused before it is read. */
export const MAX_PROFILE_FILE_BYTES = 1_000_000;
const TOO_LARGE = 'This file is too large to be an ideal customer profile.';

/** Refuses a file too large to be a profile, before reading it. */
export function checkProfileFileSize(bytes: number): void {
  if (bytes > MAX_PROFILE_FILE_BYTES) throw new Error(TOO_LARGE);
}

/** Reads a profile file; throws an Error whose message is fit to show the rep. */
export function profileFromFile(text: string, now: number = Date.now()): IdealCustomerProfile {
  if (text.length > MAX_PROFILE_FILE_BYTES) throw new Error(TOO_LARGE);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not valid JSON, so it is not a Groundwork profile.');
  }
  const format = (data as { format?: unknown } | null)?.format;
  if (format !== PROFILE_FILE_FORMAT) throw new Error('This is not a Groundwork ideal customer profile file.');
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > PROFILE_FILE_VERSION) {
    throw new Error(`This profile was saved by a newer Groundwork (file version ${version}); update Groundwork to open it.`);
  }
  const parsed = ProfileFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The profile file has a problem at ${issue?.path.join(' › ') || 'the top level'}: ${issue?.message}.`);
  }
  return { ...parsed.data.profile, id: newId(), createdAt: now, updatedAt: now };
}
