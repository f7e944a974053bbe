import { GMAIL_MATCHES } from '../lib/sites/hosts';
import { currentThreadHeading, watchMail } from '../lib/sites/gmail/watch';
import { reportPages } from '../lib/sites/watching';

// Reads the open Gmail thread and reports its people. Adds nothing to the page (yet); stops
// cleanly when the extension is updated (ctx is invalidated).
export default defineContentScript({
  matches: [...GMAIL_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    reportPages(ctx, (url, afterNavigation, base) =>
      watchMail(document, url, afterNavigation ? currentThreadHeading(document) : undefined, base),
    );
  },
});
