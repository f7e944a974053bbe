import { gmailReader } from '../lib/sites/gmail/reader';
import { GMAIL_MATCHES } from '../lib/sites/hosts';
import { startLifetime } from '../lib/sites/lifetime';
import { runMailContentScript } from '../lib/sites/mail/contentScript';

// Reads the open Gmail thread and its inbox list, notices sends and replies; its only UI is the
// toast after a send (closed shadow root). Says nothing the page can hear and stops by itself
// when the extension is updated (lib/sites/lifetime.ts).
export default defineContentScript({
  matches: [...GMAIL_MATCHES],
  runAt: 'document_idle',
  main() {
    runMailContentScript(startLifetime('gmail'), gmailReader);
  },
});
