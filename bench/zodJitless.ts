import { config } from 'zod';

// Imported first by bench/pageApi.ts, before any schema is built. Evaluated through the DevTools
// protocol, Zod's eval probe passes, but parses made later from the page's own tasks run under
// the extension's CSP, which refuses eval: use Zod without its JIT, as the extension itself does
// (there the probe fails).
config({ jitless: true });
