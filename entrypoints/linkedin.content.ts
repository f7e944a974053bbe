import { isSupportedPageUrl, LINKEDIN_MATCHES } from '../lib/sites/hosts';
import { screenSignature, watchPage } from '../lib/sites/linkedin/watch';
import { reportPages } from '../lib/sites/watching';

// Read-only: this script reads the page the rep is looking at and reports what it shows. It adds
// nothing to LinkedIn's DOM, requests nothing, exposes nothing, and stops cleanly when the
// extension is updated or disabled (ctx is invalidated: listeners, timers and observers go).
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    // *.linkedin.com also covers learning., business. and the like: nothing to read there.
    if (!isSupportedPageUrl(location.href)) return;
    // The screen as it was when an in-app navigation began tells the old person from the new.
    reportPages(ctx, (url, afterNavigation, base) => watchPage(document, url, afterNavigation ? screenSignature(document) : undefined, base));
  },
});
