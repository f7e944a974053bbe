import { sendMessage } from '../lib/messaging/client';
import { GMAIL_MATCHES } from '../lib/sites/hosts';
import { currentThreadHeading, watchMail } from '../lib/sites/gmail/watch';

// Reads the open Gmail thread and reports its people. Adds nothing to the page (yet); stops
// cleanly when the extension is updated (ctx is invalidated).
export default defineContentScript({
  matches: [...GMAIL_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    let current: AbortController | undefined;
    ctx.onInvalidated(() => current?.abort());
    const start = (url: string, fromNavigation: boolean) => {
      current?.abort();
      current = new AbortController();
      watchMail(document, url, fromNavigation ? currentThreadHeading(document) : undefined, {
        signal: current.signal,
        timers: { setTimeout: (f, ms) => ctx.setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id) },
        report: (page) => {
          if (!ctx.isInvalid) void sendMessage({ type: 'page/report', page });
        },
      });
    };
    start(location.href, false);
    ctx.addEventListener(window, 'wxt:locationchange', (event) => start(event.newUrl.href, true));
  },
});
