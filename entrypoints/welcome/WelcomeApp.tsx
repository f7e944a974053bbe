import { useEffect, useRef, useState, type ReactNode } from 'react';
import { CsvImport } from '../../components/data/CsvImport';
import { openSidePanelHere } from '../../components/openSidePanelHere';
import { OutlookAccess } from '../../components/OutlookAccess';
import { BestClients } from '../../components/welcome/BestClients';
import { openWorkspace } from '../../components/workspace/open';
import { messageOf } from '../../components/useAction';
import type { IdealCustomerProfile } from '../../lib/model';

const STEPS = ['Your ideal customer', 'Pin Groundwork', 'The side panel', 'Bring your contacts (optional)'] as const;

/** Chrome's toolbar settings: whether the rep pinned Groundwork (Chrome 91+; not in the polyfill's types). */
async function isPinned(): Promise<boolean | undefined> {
  const action = (globalThis as unknown as { chrome?: { action?: { getUserSettings?: () => Promise<{ isOnToolbar: boolean }> } } }).chrome?.action;
  if (!action?.getUserSettings) return undefined;
  try {
    return (await action.getUserSettings()).isOnToolbar;
  } catch {
    return undefined;
  }
}

function PinStep() {
  const [pinned, setPinned] = useState<boolean>();
  useEffect(() => {
    // Pinning happens in Chrome's own toolbar: the step notices it within a second.
    const check = () => void isPinned().then(setPinned);
    check();
    const timer = setInterval(check, 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="stack">
      <p>
        Click the puzzle piece (<strong>Extensions</strong>) at the right of Chrome’s toolbar, then the pin beside <strong>Groundwork</strong>. Its icon then shows today’s due
        follow-ups as a number, and a fit grade on a prospect’s LinkedIn page.
      </p>
      <p role="status" className={pinned ? 'ok' : 'muted'}>
        {pinned === undefined ? 'Chrome does not say whether it is pinned: look for the Groundwork icon in the toolbar.' : pinned ? '✓ Pinned. Well done.' : 'Not pinned yet.'}
      </p>
    </div>
  );
}

function SidePanelStep() {
  const [error, setError] = useState<string>();
  const [opened, setOpened] = useState(false);
  const open = async () => {
    setError(undefined);
    try {
      await openSidePanelHere();
      setOpened(true);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <div className="stack">
      <p>
        The side panel sits beside LinkedIn, Gmail and Outlook: it shows who is on screen — their fit to your profile, every touch, the next follow-up — and logs a touch in one
        click. Open it from the toolbar icon’s popup, with <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>G</kbd>, or here.
      </p>
      <div className="row">
        <button type="button" onClick={() => void open()}>
          Open the side panel now
        </button>
        {opened && <span role="status">Opened, on the right of this window.</span>}
      </div>
      <p className="muted small">
        Every prospect and account is also in the workspace (<kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>W</kbd>). Shortcuts can be changed at chrome://extensions/shortcuts.
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

function ContactsStep() {
  return (
    <div className="stack">
      <p>
        Both optional, both later in Options too. LinkedIn lets you download your connections: Settings → Data privacy → Get a copy of your data → Connections. Import the{' '}
        <code>Connections.csv</code> here and Groundwork scores them all against your profile.
      </p>
      <CsvImport />
      <OutlookAccess />
    </div>
  );
}

/**
 * The welcome (issue 19), opened on install and from Options: four steps, the first the one that
 * matters — an ideal customer profile drawn from the rep's best clients — then pinning, the side
 * panel, and (optionally) LinkedIn's Connections.csv and Outlook on the web.
 */
export function WelcomeApp() {
  const [step, setStep] = useState(0);
  const [profile, setProfile] = useState<IdealCustomerProfile>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [step]);
  const bodies: ReactNode[] = [
    profile ? (
      <div className="stack" key="saved">
        <p role="status">
          ✓ Saved “{profile.name}” as your ideal customer profile. Every prospect is scored against it; change it any time in Options.
        </p>
      </div>
    ) : (
      <BestClients key="clients" onSaved={setProfile} />
    ),
    <PinStep key="pin" />,
    <SidePanelStep key="panel" />,
    <ContactsStep key="contacts" />,
  ];
  const last = step === STEPS.length - 1;
  return (
    <main className="page welcome stack">
      <header>
        <h1>Welcome to Groundwork</h1>
        <p className="muted">Four steps, two minutes. Everything stays in this browser.</p>
        <ol className="steps" aria-label="Steps">
          {STEPS.map((label, i) => (
            <li key={label} aria-current={i === step ? 'step' : undefined} className={i === step ? 'current' : i < step ? 'done' : undefined}>
              {i + 1}. {label}
            </li>
          ))}
        </ol>
      </header>
      <section className="stack" aria-labelledby="step-heading">
        <h2 id="step-heading" ref={heading} tabIndex={-1}>
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </h2>
        {bodies[step]}
      </section>
      <nav className="row" aria-label="Welcome steps">
        {step > 0 && (
          <button type="button" onClick={() => setStep(step - 1)}>
            Back
          </button>
        )}
        {!last ? (
          <button type="button" className="primary" onClick={() => setStep(step + 1)}>
            {step === 0 && !profile ? 'Skip for now' : 'Next'}
          </button>
        ) : (
          <>
            <button type="button" className="primary" onClick={() => void openWorkspace().then(() => window.close())}>
              Done: open the workspace
            </button>
            <button type="button" onClick={() => window.close()}>
              Done
            </button>
          </>
        )}
      </nav>
    </main>
  );
}
