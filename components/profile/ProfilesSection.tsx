import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ChangeEvent } from 'react';
import {
  blankProfile,
  checkProfileFileSize,
  db,
  deleteProfile,
  listProfiles,
  profileFromFile,
  profileToFile,
  saveProfile,
  setActiveProfile,
} from '../../lib/db';
import { sendMessage } from '../../lib/messaging/client';
import type { IdealCustomerProfile } from '../../lib/model';
import { useActiveProfile } from '../FitCard';
import { readBlobText } from '../../lib/io/readBlob';
import { ProfileEditor } from './ProfileEditor';

/** The background re-scores saved prospects and every open tab's badge. */
function profileChanged(): void {
  void sendMessage({ type: 'scores/recompute' });
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

const fileName = (profile: IdealCustomerProfile) =>
  `groundwork-profile-${profile.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'profile'}.json`;

/** Several profiles (per product line, say), one active; create, edit, export and import them. */
export function ProfilesSection() {
  const profiles = useLiveQuery(() => listProfiles(db), []);
  const active = useActiveProfile();
  const [selectedId, setSelectedId] = useState<string>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  if (!profiles || active === undefined) return null;

  const selected = profiles.find((p) => p.id === selectedId) ?? active ?? undefined;
  const act = async (work: () => Promise<string | void>) => {
    try {
      const text = await work();
      setMessage(text ? { kind: 'ok', text } : undefined);
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };
  const create = (profile: IdealCustomerProfile) =>
    act(async () => {
      const saved = await saveProfile(db, profile);
      setSelectedId(saved.id);
      profileChanged();
    });
  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void act(async () => {
      checkProfileFileSize(file.size);
      const profile = profileFromFile(await readBlobText(file));
      const saved = await saveProfile(db, profile);
      setSelectedId(saved.id);
      profileChanged();
      return `Imported “${saved.name}”.`;
    });
  };

  return (
    <section className="stack" aria-labelledby="icp-heading">
      <h2 id="icp-heading">Ideal customer profile</h2>
      <p className="muted">
        Describe the customers worth your time once. Every person and company Groundwork shows gets a fit score that says why.
      </p>
      <div className="row">
        {profiles.length > 0 && (
          <label>
            Profile{' '}
            <select value={selected?.id} onChange={(e) => setSelectedId(e.target.value)} aria-label="Profile">
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.id === active?.id ? ' (active)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {selected && selected.id !== active?.id && (
          <button
            type="button"
            onClick={() =>
              void act(async () => {
                await setActiveProfile(db, selected.id);
                profileChanged();
                return `“${selected.name}” is now active.`;
              })
            }
          >
            Make active
          </button>
        )}
        <button type="button" onClick={() => void create(blankProfile(profiles.length ? `Profile ${profiles.length + 1}` : 'My ideal customer'))}>
          New profile
        </button>
        {selected && (
          <>
            <button type="button" onClick={() => void create({ ...structuredClone(selected), ...blankIds(), name: `${selected.name} (copy)` })}>
              Duplicate
            </button>
            <button type="button" onClick={() => download(fileName(selected), profileToFile(selected))}>
              Export
            </button>
            <button
              type="button"
              disabled={profiles.length <= 1}
              title={profiles.length <= 1 ? 'Keep at least one profile' : undefined}
              onClick={() =>
                void act(async () => {
                  await deleteProfile(db, selected.id);
                  setSelectedId(undefined);
                  profileChanged();
                  return `Deleted “${selected.name}”.`;
                })
              }
            >
              Delete
            </button>
          </>
        )}
        <label className="file-button">
          <span>Import…</span>
          <input type="file" accept="application/json,.json" onChange={importFile} aria-label="Import profile" />
        </label>
      </div>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
      {selected ? (
        <ProfileEditor
          key={selected.id}
          profile={selected}
          onSave={async (profile) => {
            await saveProfile(db, profile);
            profileChanged();
          }}
        />
      ) : (
        <div className="empty card">
          <p>No profile yet, so nobody has a fit score.</p>
          <button type="button" className="primary" onClick={() => void create(blankProfile('My ideal customer'))}>
            Create your ideal customer profile
          </button>
        </div>
      )}
    </section>
  );
}

function blankIds() {
  const fresh = blankProfile('');
  return { id: fresh.id, createdAt: fresh.createdAt, updatedAt: fresh.updatedAt };
}
