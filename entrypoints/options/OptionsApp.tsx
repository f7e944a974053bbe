import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { db, loadSettings, saveSettings } from '../../lib/db';
import { ProfilesSection } from '../../components/profile/ProfilesSection';
import { Settings } from '../../lib/model';

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function SettingsForm({ initial }: { initial: Settings }) {
  const [draft, setDraft] = useState(initial);
  const [message, setMessage] = useState<{ kind: 'saved' } | { kind: 'error'; text: string }>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = Settings.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setMessage({ kind: 'error', text: `${issue?.path.join(' › ')}: ${issue?.message}` });
      return;
    }
    await saveSettings(db, parsed.data);
    setMessage({ kind: 'saved' });
  };

  const toggleDay = (day: number) =>
    setDraft((d) => {
      const days = d.workWeek.days.includes(day) ? d.workWeek.days.filter((x) => x !== day) : [...d.workWeek.days, day];
      return { ...d, workWeek: { ...d.workWeek, days: days.sort() } };
    });

  return (
    <form className="stack" onSubmit={submit} aria-label="Settings">
      <fieldset className="card">
        <legend>Working week</legend>
        <div className="row" role="group" aria-label="Working days">
          {DAY_NAMES.map((name, day) => (
            <label key={name}>
              <input type="checkbox" checked={draft.workWeek.days.includes(day)} onChange={() => toggleDay(day)} /> {name}
            </label>
          ))}
        </div>
        <p className="muted small">Follow-ups never land on a day off.</p>
      </fieldset>
      <fieldset className="card">
        <legend>Crisis-mode brain-pickers</legend>
        <p className="muted small">
          Flag a prospect who reached out, then left this many attempts unanswered within this many days.
        </p>
        <div className="row">
          <label>
            Attempts{' '}
            <input
              type="number"
              min={2}
              max={50}
              value={draft.crisis.attempts}
              onChange={(e) => setDraft((d) => ({ ...d, crisis: { ...d.crisis, attempts: e.target.valueAsNumber } }))}
            />
          </label>
          <label>
            Within days{' '}
            <input
              type="number"
              min={1}
              max={365}
              value={draft.crisis.windowDays}
              onChange={(e) => setDraft((d) => ({ ...d, crisis: { ...d.crisis, windowDays: e.target.valueAsNumber } }))}
            />
          </label>
        </div>
      </fieldset>
      <fieldset className="card">
        <legend>Weekly goal</legend>
        <label>
          New ideal-fit prospects touched each week{' '}
          <input
            type="number"
            min={0}
            max={1000}
            value={draft.weeklyGoal}
            onChange={(e) => setDraft((d) => ({ ...d, weeklyGoal: e.target.valueAsNumber }))}
          />
        </label>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary">
          Save settings
        </button>
        {message?.kind === 'saved' && <span role="status">Saved</span>}
        {message?.kind === 'error' && (
          <span role="alert" className="error">
            Not saved: {message.text}
          </span>
        )}
      </div>
    </form>
  );
}

export function OptionsApp() {
  const settings = useLiveQuery(() => loadSettings(db), []);
  return (
    <main className="page stack" style={{ maxWidth: 1080, margin: '0 auto' }}>
      <h1>Groundwork options</h1>
      <p className="muted">Everything stays in this browser. Nothing is sent anywhere.</p>
      <ProfilesSection />
      <section className="stack" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        {settings && <SettingsForm initial={settings} />}
      </section>
    </main>
  );
}
