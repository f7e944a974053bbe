import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useState, type FormEvent, type ReactNode } from 'react';
import { db, loadSettings, saveSettings } from '../../lib/db';
import { notifyDataChanged } from '../../components/notify';
import { OutlookAccess } from '../../components/OutlookAccess';
import { ProfilesSection } from '../../components/profile/ProfilesSection';
import { chaseOutlook, describeChaseOutlook } from '../../lib/cadence/crisisPlan';
import { Settings } from '../../lib/model';

// Backup, CSV and calendar code (papaparse, ical-generator) loads only with the options page's data
// section, in its own chunk, never with the popup or side panel.
const DataSection = lazy(() => import('../../components/data/DataSection').then((m) => ({ default: m.DataSection })));

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * One setting laid out as label / control / help (issue 19): the label names it, the control sets it,
 * the help says what it means. The control keeps its own accessible name (`aria-label`).
 */
function SettingRow({ label, help, children }: { label: string; help?: string; children: ReactNode }) {
  return (
    <div className="setting">
      <span className="setting-label">{label}</span>
      <span className="setting-control">{children}</span>
      {help && <span className="setting-help muted small">{help}</span>}
    </div>
  );
}

/** "acme.example, @beta.example" → ["acme.example", "@beta.example"]: lists of domains or addresses. */
const entries = (text: string) =>
  text
    .split(/[,;\s]+/)
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);

/** "3, 4, 5" → [3, 4, 5]; anything unreadable becomes NaN so validation names the field. */
const numbers = (text: string) =>
  text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));

/**
 * The crisis-mode brain-picker rule and the chase that goes with it, shown together (issue 17),
 * with what they mean for a prospect who reached out and went silent — worked out by running the
 * cadence and the rule — and a warning, in words, when no chase could ever flag anyone.
 */
function CrisisSettingsFields({ draft, setCrisis }: { draft: Settings; setCrisis(patch: Partial<Settings['crisis']>): void }) {
  const parsed = Settings.safeParse(draft);
  const outlook = parsed.success ? chaseOutlook(parsed.data) : undefined;
  return (
    <fieldset className="card stack">
      <legend>Crisis-mode brain-pickers</legend>
      <p className="muted small">
        When a prospect reaches out (a message or call that answers no attempt of yours in the days below), Groundwork proposes a prompt reply and then a
        chase. If they take what they need and go silent, they are flagged and put on the back burner.
      </p>
      <label>
        Their message answers an attempt made within{' '}
        <input type="number" min={1} max={180} value={draft.crisis.answerWindowDays} aria-label="Answer window in days" onChange={(e) => setCrisis({ answerWindowDays: e.target.valueAsNumber })} />{' '}
        days before it; otherwise they reached out
      </label>
      <label>
        After the reply, chase at these working-day intervals{' '}
        <input value={draft.crisis.chaseIntervalsDays.join(', ')} aria-label="Chase intervals in working days" onChange={(e) => setCrisis({ chaseIntervalsDays: numbers(e.target.value) })} />
      </label>
      <div className="row">
        <label>
          Flag after{' '}
          <input type="number" min={2} max={50} value={draft.crisis.attempts} aria-label="Attempts" onChange={(e) => setCrisis({ attempts: e.target.valueAsNumber })} /> unanswered
          attempts
        </label>
        <label>
          within{' '}
          <input type="number" min={1} max={365} value={draft.crisis.windowDays} aria-label="Within days" onChange={(e) => setCrisis({ windowDays: e.target.valueAsNumber })} /> days
        </label>
      </div>
      <label>
        <input type="checkbox" checked={draft.crisis.notify} onChange={(e) => setCrisis({ notify: e.target.checked })} /> Notify me when someone is flagged
      </label>
      {outlook && (
        <p className={outlook.kind === 'flagged' ? 'small' : 'warning small'} data-testid="crisis-outlook" role={outlook.kind === 'never' ? 'alert' : undefined}>
          {describeChaseOutlook(outlook, draft)}
        </p>
      )}
    </fieldset>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [draft, setDraft] = useState(initial);
  // Settings replaced from elsewhere (a restore, "delete all", another tab) replace the draft, so
  // a stale draft is never saved back over them. Set during render: React's pattern for state
  // that follows a prop.
  const [base, setBase] = useState(initial);
  if (JSON.stringify(initial) !== JSON.stringify(base)) {
    setBase(initial);
    setDraft(initial);
  }
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
    // Working days, time zone and digest time move the alarms.
    notifyDataChanged();
    setMessage({ kind: 'saved' });
  };

  const setEmail = (patch: Partial<Settings['email']>) => setDraft((d) => ({ ...d, email: { ...d.email, ...patch } }));
  const setCadence = (patch: Partial<Settings['cadence']>) => setDraft((d) => ({ ...d, cadence: { ...d.cadence, ...patch } }));
  const setCrisis = (patch: Partial<Settings['crisis']>) => setDraft((d) => ({ ...d, crisis: { ...d.crisis, ...patch } }));

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
      <fieldset className="card stack">
        <legend>Time zone and morning digest</legend>
        <label>
          Time zone{' '}
          {/* Type to search about 400 zones ("paris", "new_y"); empty means this browser's own. */}
          <input
            list="time-zones"
            value={draft.workWeek.timeZone}
            placeholder={`This browser’s (${BROWSER_ZONE})`}
            aria-label="Time zone"
            aria-describedby="time-zone-help"
            onChange={(e) => setDraft((d) => ({ ...d, workWeek: { ...d.workWeek, timeZone: e.target.value.trim() } }))}
          />
          <datalist id="time-zones">
            {TIME_ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </label>
        <p id="time-zone-help" className="muted small">
          Type a city or region to find yours; leave it empty to follow this browser ({BROWSER_ZONE}).
        </p>
        <SettingRow label="Morning digest" help="A notification on working days listing what is due, at the time you choose.">
          <input type="checkbox" checked={draft.digest.enabled} aria-label="Morning digest on working days" onChange={(e) => setDraft((d) => ({ ...d, digest: { ...d.digest, enabled: e.target.checked } }))} />
          <input type="time" value={draft.digest.time} aria-label="Digest time" onChange={(e) => setDraft((d) => ({ ...d, digest: { ...d.digest, time: e.target.value } }))} />
        </SettingRow>
      </fieldset>
      <fieldset className="card stack">
        <legend>Follow-up cadence</legend>
        <p className="muted small">Unanswered prospects are never dropped: after the attempts below, the cadence slows to nurture.</p>
        <SettingRow label="Answer their message within" help="Working days; 0 = the same day.">
          <input type="number" min={0} max={30} value={draft.cadence.replyWithinDays} aria-label="Reply within working days" onChange={(e) => setCadence({ replyWithinDays: e.target.valueAsNumber })} />
        </SettingRow>
        <SettingRow label="Working days between attempts" help="One number per attempt, e.g. 3, 4, 5, 7, 10.">
          <input value={draft.cadence.attemptIntervalsDays.join(', ')} aria-label="Working days between attempts" onChange={(e) => setCadence({ attemptIntervalsDays: numbers(e.target.value) })} />
        </SettingRow>
        <SettingRow label="Nurture after" help="Unanswered attempts before the cadence slows down.">
          <input type="number" min={1} max={50} value={draft.cadence.nurtureAfterAttempts} aria-label="Nurture after attempts" onChange={(e) => setCadence({ nurtureAfterAttempts: e.target.valueAsNumber })} />
        </SettingRow>
        <SettingRow label="Then nurture every" help="Calendar days between nurture touches, one number each.">
          <input value={draft.cadence.nurtureIntervalsDays.join(', ')} aria-label="Nurture intervals in days" onChange={(e) => setCadence({ nurtureIntervalsDays: numbers(e.target.value) })} />
        </SettingRow>
        <SettingRow label="Ask clients for a referral every" help="Days; 0 = never.">
          <input type="number" min={0} max={730} value={draft.cadence.clientReferralEveryDays} aria-label="Referral ask every days" onChange={(e) => setCadence({ clientReferralEveryDays: e.target.valueAsNumber })} />
        </SettingRow>
      </fieldset>
      <CrisisSettingsFields draft={draft} setCrisis={setCrisis} />
      <fieldset className="card stack">
        <legend>Email</legend>
        <SettingRow label="Log email I send to saved prospects" help="Automatically; a toast on the page offers Undo.">
          <input type="checkbox" checked={draft.email.autoLog} aria-label="Log email I send to saved prospects automatically" onChange={(e) => setEmail({ autoLog: e.target.checked })} />
        </SettingRow>
        <SettingRow label="Log replies from saved prospects" help="When I see them in my inbox or in a thread.">
          <input type="checkbox" checked={draft.email.logReplies} aria-label="Log replies from saved prospects" onChange={(e) => setEmail({ logReplies: e.target.checked })} />
        </SettingRow>
        <SettingRow label="My company’s email domains" help="Colleagues are never logged. The domain you are signed in with counts unless it is a public one such as gmail.com.">
          <input
            key={`own-${base.email.ownDomains.join()}`}
            defaultValue={draft.email.ownDomains.join(', ')}
            placeholder="acme.example, acme-group.example"
            aria-label="My company’s email domains"
            onChange={(e) => setEmail({ ownDomains: entries(e.target.value) })}
          />
        </SettingRow>
        <SettingRow label="Never log these addresses or domains" help="Assistants, newsletters: comma-separated.">
          <input
            key={`never-${base.email.neverLog.join()}`}
            defaultValue={draft.email.neverLog.join(', ')}
            placeholder="assistant@acme.example, newsletters.example"
            aria-label="Never log these addresses or domains"
            onChange={(e) => setEmail({ neverLog: entries(e.target.value) })}
          />
        </SettingRow>
      </fieldset>
      <fieldset className="card stack">
        <legend>Relationships</legend>
        <p className="muted small">Who on your side owns a relationship; they are suggested when an account has a gap at their level.</p>
        {(['rep', 'manager', 'executive'] as const).map((role) => (
          <SettingRow key={role} label={role === 'rep' ? 'Your name' : role === 'manager' ? 'Your manager' : 'Your executive'}>
            <input
              value={draft.owners[role]}
              maxLength={100}
              aria-label={role === 'rep' ? 'Your name' : role === 'manager' ? 'Your manager’s name' : 'Your executive’s name'}
              onChange={(e) => setDraft((d) => ({ ...d, owners: { ...d.owners, [role]: e.target.value } }))}
            />
          </SettingRow>
        ))}
        <SettingRow label="A relationship is live for" help="Days after their last reply or meeting.">
          <input
            type="number"
            min={1}
            max={3650}
            value={draft.liveRelationshipDays}
            aria-label="Live relationship window in days"
            onChange={(e) => setDraft((d) => ({ ...d, liveRelationshipDays: e.target.valueAsNumber }))}
          />
        </SettingRow>
        <SettingRow label="Warn before an early ask" help="When someone who never replied has had fewer gives than this.">
          <input
            type="checkbox"
            checked={draft.askWarning.enabled}
            aria-label="Warn before an early ask"
            onChange={(e) => setDraft((d) => ({ ...d, askWarning: { ...d.askWarning, enabled: e.target.checked } }))}
          />
          <input
            type="number"
            min={0}
            max={20}
            value={draft.askWarning.minGives}
            aria-label="Gives before an ask"
            onChange={(e) => setDraft((d) => ({ ...d, askWarning: { ...d.askWarning, minGives: e.target.valueAsNumber } }))}
          />
        </SettingRow>
      </fieldset>
      <fieldset className="card">
        <legend>Weekly goal</legend>
        <SettingRow label="New ideal-fit prospects" help="Touched for the first time each week: the popup and your week count them.">
          <input
            type="number"
            min={0}
            max={1000}
            value={draft.weeklyGoal}
            aria-label="New ideal-fit prospects touched each week"
            onChange={(e) => setDraft((d) => ({ ...d, weeklyGoal: e.target.valueAsNumber }))}
          />
        </SettingRow>
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
      <p className="muted">
        Everything stays in this browser. Nothing is sent anywhere.{' '}
        <a href="/welcome.html" target="_blank" rel="noreferrer">
          Welcome and setup
        </a>{' '}
        (a profile from your best clients, pinning, the side panel).
      </p>
      <ProfilesSection />
      <OutlookAccess />
      <section className="stack" aria-labelledby="settings-heading">
        <h2 id="settings-heading">Settings</h2>
        {settings && <SettingsForm initial={settings} />}
      </section>
      <Suspense fallback={null}>
        <DataSection />
      </Suspense>
    </main>
  );
}
