import { gmailReader } from '../lib/sites/gmail/reader';
import { GMAIL_MATCHES } from '../lib/sites/hosts';
import { runMailContentScript } from '../lib/sites/mail/contentScript';

// Reads the open Gmail thread and its inbox list, notices sends and replies; its only UI is the
// toast after a send (closed shadow root). Stops cleanly when the extension is updated.
export default defineContentScript({
  matches: [...GMAIL_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    runMailContentScript(ctx, gmailReader);
  },
});
