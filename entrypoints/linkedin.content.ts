import { sendMessage } from '../lib/messaging/client';
import { isSupportedPageUrl, LINKEDIN_MATCHES } from '../lib/sites/hosts';
import { screenSignature, watchPage } from '../lib/sites/linkedin/watch';

// Read-only: this script reads the page the rep is looking at and reports what it shows. It adds
// nothing to LinkedIn's DOM, requests nothing, exposes nothing, and stops cleanly when the
// extension is updated or disabled (ctx is invalidated: listeners, timers and observers go).
export default defineContentScript({
  matches: [...LINKEDIN_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    // *.linkedin.com also covers learning., business. and the like: nothing to read there.
    if (!isSupportedPageUrl(location.href)) return;

    let current: AbortController | undefined;
    ctx.onInvalidated(() => current?.abort());
    const start = (url: string, fromSpa: boolean) => {
      current?.abort();
      current = new AbortController();
      watchPage(document, url, fromSpa ? screenSignature(document) : undefined, {
        signal: current.signal,
        timers: { setTimeout: (f, ms) => ctx.setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id) },
        report: (page) => {
          if (!ctx.isInvalid) void sendMessage({ type: 'page/report', page });
        },
      });
    };

    start(location.href, false);
    // WXT dispatches this on in-app navigations (Navigation API), before the new content renders.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => start(event.newUrl.href, true));
  },
});
