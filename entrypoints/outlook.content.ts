import { startLifetime } from '../lib/sites/lifetime';
import { runMailContentScript } from '../lib/sites/mail/contentScript';
import { outlookReader } from '../lib/sites/outlook/reader';

// Outlook on the web: the same webmail capabilities as Gmail. Not in the manifest: the background
// registers it (lib/background/outlookAccess.ts) for the Outlook hosts the rep has allowed, so
// reps who never grant Outlook carry nothing for it. No `matches` here on purpose: WXT would add
// them to the required host permissions. Injected again into a tab where it runs, the newer copy
// ends the older (lib/sites/lifetime.ts).
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  main() {
    runMailContentScript(startLifetime('outlook'), outlookReader);
  },
});
