import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { popupAppAfterPaint } from './lib/build/popupAppAfterPaint';
import { GMAIL_MATCHES, LINKEDIN_MATCHES, OPTIONAL_HOSTS } from './lib/sites/hosts';

// WXT's content-script context announces the extension to the page and can be stopped by it
// (issue 15): its module is replaced by an inert stand-in, and each content script runs its own
// lifetime instead (lib/sites/lifetime.ts). tests/e2e/build.e2e.ts checks the built scripts.
const WXT_CONTEXT = 'wxt/utils/content-script-context';
const contextStandIn = fileURLToPath(new URL('./lib/sites/wxtContextStandIn.ts', import.meta.url));

// The manifest is the extension's promise to the rep and to LinkedIn: the narrowest permissions,
// no web-accessible resources, nothing externally connectable, no host permissions beyond the
// content scripts' own matches. tests/e2e/manifest.e2e.ts reads the built manifest.json and holds
// us to it.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [
      {
        name: 'groundwork:inert-content-script-context',
        enforce: 'pre' as const,
        resolveId: (id: string) => (id === WXT_CONTEXT ? contextStandIn : undefined),
      },
      popupAppAfterPaint(),
    ],
  }),
  manifest: {
    name: 'Groundwork',
    description:
      'Prospecting companion: who is on screen, every touch, fit to your ideal customer, follow-ups that remind you. Your data stays in your browser.',
    // storage: each tab's page context lives in storage.session so it survives the service
    // worker being stopped. alarms: two (next due time, morning digest), never one per
    // follow-up. notifications: the morning digest. scripting: registering the Outlook content
    // script once the rep allows Outlook on the web (optional hosts, below), and running the fresh
    // content scripts in tabs already open after an install or update. sidePanel is added by WXT
    // because entrypoints/sidepanel exists.
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    // Exactly the content scripts' own hosts, which Chrome already shows the rep as "read and
    // change your data on linkedin.com and mail.google.com": content-script matches alone do not
    // let scripting.executeScript run the fresh script in a tab left open across an update
    // (lib/background/freshScripts.ts). Nothing is ever requested from these hosts.
    host_permissions: [...LINKEDIN_MATCHES, ...GMAIL_MATCHES],
    // Outlook on the web is asked for at run time, so Gmail-only reps grant nothing extra.
    optional_host_permissions: [...OPTIONAL_HOSTS],
    commands: {
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Open the Groundwork side panel',
      },
      'log-touch': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Log a touch with the prospect on screen (opens the side panel at the log form)',
      },
      'open-workspace': {
        suggested_key: { default: 'Alt+Shift+W' },
        description: 'Open the Groundwork workspace (every prospect and account)',
      },
    },
  },
});
