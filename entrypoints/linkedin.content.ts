import { sendMessage } from '../lib/messaging/client';
import { LINKEDIN_MATCHES } from '../lib/sites/hosts';
import { extractLinkedInPage } from '../lib/sites/linkedin/extract';

// Read-only: this script reads the page the rep is looking at and reports it. It adds nothing to
// LinkedIn's DOM, requests nothing, and stops when the extension is updated (ctx).
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const report = () => {
      if (ctx.isInvalid) return;
      void sendMessage({ type: 'page/report', page: extractLinkedInPage(document, location.href) });
    };
    report();
    ctx.addEventListener(window, 'wxt:locationchange', report);
  },
});
