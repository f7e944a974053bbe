import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { OPTIONAL_HOSTS } from '../lib/sites/hosts';

/**
 * Outlook on the web is opt-in: reps who only use Gmail grant nothing for it. Allowing it asks
 * Chrome for the Outlook hosts (an optional permission, so Chrome shows its own prompt); the
 * background then registers the Outlook content script (lib/background/outlookAccess.ts).
 */
export function OutlookAccess() {
  const [allowed, setAllowed] = useState<boolean>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const check = () => void browser.permissions.contains({ origins: [...OPTIONAL_HOSTS] }).then(setAllowed);
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  // Called straight from the click: Chrome grants permissions only in response to a gesture.
  const allow = () => {
    setError(undefined);
    browser.permissions.request({ origins: [...OPTIONAL_HOSTS] }).then(
      (granted) => {
        setAllowed(granted);
        if (!granted) setError('Chrome did not grant access to Outlook on the web.');
      },
      (reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)),
    );
  };
  const remove = () => {
    setError(undefined);
    void browser.permissions.remove({ origins: [...OPTIONAL_HOSTS] }).then((removed) => setAllowed(!removed));
  };

  if (allowed === undefined) return null;
  return (
    <section className="card stack" aria-labelledby="outlook-heading">
      <h2 id="outlook-heading">Outlook on the web</h2>
      <p className="muted small">
        Groundwork works in Gmail out of the box. For Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com) it needs
        your permission to read those pages; nothing is sent anywhere.
      </p>
      <div className="row">
        {allowed ? (
          <>
            <span role="status">Allowed: sent email and replies in Outlook are logged like Gmail’s.</span>
            <button type="button" onClick={remove}>
              Remove access to Outlook
            </button>
          </>
        ) : (
          <>
            <span role="status">Not allowed</span>
            <button type="button" className="primary" onClick={allow}>
              Allow Outlook on the web
            </button>
          </>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
