import { isSupportedPageUrl, LINKEDIN_MATCHES } from '../lib/sites/hosts';
import { startLifetime } from '../lib/sites/lifetime';
import { screenSignature, watchPage } from '../lib/sites/linkedin/watch';
import { reportPages } from '../lib/sites/watching';

// Read-only: this script reads the page the rep is looking at and reports what it shows. It adds
// nothing to LinkedIn's DOM, requests nothing, says nothing the page can hear, and stops by
// itself when the extension is updated or removed (lib/sites/lifetime.ts; WXT's context, which
// announces itself to the page, is replaced by an inert stand-in in wxt.config.ts).
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  main() {
    // *.linkedin.com also covers learning., business. and the like: nothing to read there.
    if (!isSupportedPageUrl(location.href)) return;
    const life = startLifetime('linkedin');
    // The screen as it was when an in-app navigation began tells the old person from the new.
    reportPages(life, (url, afterNavigation, base) => watchPage(document, url, afterNavigation ? screenSignature(document) : undefined, base));
  },
});
