import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { GMAIL_MATCHES, LINKEDIN_MATCHES } from '../../lib/sites/hosts';
import { FixtureServer, hostResolverRules, MAPPED_HOSTS } from './server';

export const EXTENSION_DIR = resolve(__dirname, '../../.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Harness {
  context: BrowserContext;
  /** The welcome page Chrome opened on install (kept only with `keepWelcome`; closed otherwise). */
  welcome: Page | undefined;
  server: FixtureServer;
  extensionId: string;
  /** Opens popup.html, sidepanel.html or options.html as a tab. */
  openExtensionPage(file: string): Promise<Page>;
  /**
   * The address the toolbar button opens now (action.getPopup: it carries the worker's latest
   * change mark, lib/popup/snapshot.ts). The worker must be running.
   */
  toolbarPopupAddress(): Promise<string>;
  /** Opens, as a tab, the popup at `toolbarPopupAddress()`, as a click on the button would. */
  openToolbarPopup(): Promise<Page>;
  /**
   * Opens `url` (a real site URL, served from fixtures) in a new tab, by default once it has
   * loaded; `waitUntil: 'domcontentloaded'` returns as soon as the document is parsed.
   */
  openSitePage(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<Page>;
  /**
   * Grants optional hosts the way a rep can in chrome://extensions (Site access → on specific
   * sites), the required hosts kept. Chrome then grants the extension's own permissions.request
   * for them without its prompt, which automation cannot click.
   */
  allowSitesInChromeSettings(hosts: readonly string[]): Promise<void>;
  /** Stops the extension's service worker, as Chrome does when it is idle, and waits until it is gone. */
  killServiceWorker(): Promise<void>;
  /**
   * Reloads the extension as an update does (the Reload button of chrome://extensions): its
   * pages close, storage.session is emptied, a new worker starts. Resolves once it runs.
   */
  reloadExtension(): Promise<void>;
  /** Resolves with the service worker once it runs (an event such as a page report starts it). */
  serviceWorker(): Promise<Worker>;
  isServiceWorkerRunning(): boolean;
  /**
   * Waits for Chrome's real side panel (not sidepanel.html in a tab) to open, e.g. after the
   * popup's "Open side panel", and attaches to it.
   */
  waitForRealSidePanel(): Promise<RealView>;
  /**
   * Chrome's real popup, as `open` opens it (e.g. `action.openPopup()` from one of the extension's
   * pages), attached once it is there; popup.html open in tabs is not it.
   */
  openRealPopup(open: () => Promise<unknown>): Promise<RealView>;
  close(): Promise<void>;
}

export async function readBuiltManifest(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

/** The popup's module as a built extension's popup.html names it for its first script (`data-app`), relative to `dir`. */
export async function builtPopupApp(dir = EXTENSION_DIR): Promise<string> {
  const app = /data-app="\/([^"]+)"/.exec(await readFile(join(dir, 'popup.html'), 'utf8'))?.[1];
  if (app === undefined) throw new Error(`${dir}/popup.html names no module for its first script`);
  return app;
}

/** Chrome's real side panel or popup: a target Playwright does not expose as a Page, driven over CDP. */
export interface RealView {
  evaluate<T>(expression: string): Promise<T>;
  /** Resolves when the panel's visible text contains `text` (a MutationObserver, not polling). */
  waitForText(text: string): Promise<void>;
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/** Tracks the extension's service-worker version as the ServiceWorker domain reports it. */
class WorkerStatus {
  private current?: WorkerVersion;
  private waiters: { test: (v: WorkerVersion) => boolean; resolve: () => void }[] = [];

  constructor(private readonly extensionId: string) {}

  update(versions: WorkerVersion[]): void {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${this.extensionId}/`)) continue;
      this.current = version;
      this.waiters = this.waiters.filter((w) => (w.test(version) ? (w.resolve(), false) : true));
    }
  }

  latest(): WorkerVersion | undefined {
    return this.current;
  }

  waitFor(test: (v: WorkerVersion) => boolean): Promise<void> {
    if (this.current && test(this.current)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }
}

/** Drives a target over a non-flattened CDP session through the control session. */
async function attachToView(control: CDPSession, targetId: string): Promise<RealView> {
  const { sessionId } = (await control.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  type CdpReply = { id?: number; result?: { result?: { value?: unknown } }; error?: unknown };
  let nextId = 1;
  const pending = new Map<number, (reply: CdpReply) => void>();
  control.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as CdpReply;
    if (reply.id !== undefined) pending.get(reply.id)?.(reply);
  });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const id = nextId++;
    const reply = new Promise<CdpReply>((resolve) => pending.set(id, resolve));
    await control.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }),
    });
    const { result, error } = await reply;
    if (error) throw new Error(`Evaluate in the real view failed: ${JSON.stringify(error)}`);
    return result?.result?.value as T;
  };
  return {
    evaluate,
    async waitForText(text) {
      await evaluate(`new Promise((resolve) => {
        const wanted = ${JSON.stringify(text)};
        const check = () => {
          if (document.body && document.body.innerText.includes(wanted)) { observer.disconnect(); resolve(true); }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { subtree: true, childList: true, characterData: true });
        check();
      })`);
    },
  };
}

/**
 * Launches Debian's Chromium with the built extension in a fresh persistent profile, and a
 * fixture server answering for LinkedIn, Gmail and Outlook hosts over HTTPS. `extensionDir`:
 * another copy of the build (the benchmarks add their floor pages to theirs).
 */
export async function launch(
  configure: (server: FixtureServer) => void = () => {},
  { extensionDir = EXTENSION_DIR, keepWelcome = false }: { extensionDir?: string; keepWelcome?: boolean } = {},
): Promise<Harness> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const server = new FixtureServer();
  configure(server);
  await server.start();
  const profile = await mkdtemp(join(tmpdir(), 'groundwork-e2e-'));
  const rules = hostResolverRules([...MAPPED_HOSTS, ...server.hosts()], server.port);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  // The ServiceWorker CDP domain reports the worker's running status as Chrome sees it; the
  // control session lives on the blank first tab so it never becomes "the active tab".
  const controlPage = context.pages()[0] ?? (await context.newPage());
  const control = await context.newCDPSession(controlPage);
  const workerStatus = new WorkerStatus(extensionId);
  control.on('ServiceWorker.workerVersionUpdated', (event) => workerStatus.update(event.versions));
  await control.send('ServiceWorker.enable');
  await workerStatus.waitFor((v) => v.runningStatus === 'running');

  // On install the extension opens its welcome in a tab (issue 19): out of the way unless asked for.
  const welcomeUrl = `chrome-extension://${extensionId}/welcome.html`;
  const tab = context.pages().find((page) => page !== controlPage) ?? (await context.waitForEvent('page', { timeout: 10_000 }).catch(() => undefined));
  if (tab && !tab.url().startsWith(welcomeUrl)) await tab.waitForURL((url) => url.href.startsWith(welcomeUrl), { timeout: 10_000 }).catch(() => undefined);
  let welcome = tab?.url().startsWith(welcomeUrl) ? tab : undefined;
  if (welcome && !keepWelcome) {
    await welcome.close();
    welcome = undefined;
  }

  /** Attaches to the first target showing the extension's `file`, or to the one `open` opens. */
  async function waitForRealView(file: string, open?: () => Promise<unknown>): Promise<RealView> {
    const url = `chrome-extension://${extensionId}/${file}`;
    await control.send('Target.setDiscoverTargets', { discover: true });
    const listed = async () => ((await control.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] }).targetInfos.filter((t) => t.url.startsWith(url));
    const before = new Set(open ? (await listed()).map((t) => t.targetId) : []);
    const created = new Promise<string>((resolve) => {
      const onTarget = (event: { targetInfo: { targetId: string; url: string } }) => {
        if (event.targetInfo.url.startsWith(url) && !before.has(event.targetInfo.targetId)) {
          control.off('Target.targetCreated', onTarget);
          resolve(event.targetInfo.targetId);
        }
      };
      control.on('Target.targetCreated', onTarget);
    });
    await open?.();
    const targetId = (await listed()).find((t) => !before.has(t.targetId))?.targetId ?? (await created);
    return attachToView(control, targetId);
  }

  const harness: Harness = {
    context,
    welcome,
    server,
    extensionId,
    async openExtensionPage(file) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    },
    async toolbarPopupAddress() {
      return (await harness.serviceWorker()).evaluate(() => chrome.action.getPopup({}));
    },
    async openToolbarPopup() {
      const address = await harness.toolbarPopupAddress();
      if (!address.startsWith(`chrome-extension://${extensionId}/popup.html`)) throw new Error(`The toolbar opens ${address}, not the popup`);
      const page = await context.newPage();
      await page.goto(address);
      return page;
    },
    async openSitePage(url, { waitUntil = 'load' } = {}) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil });
      return page;
    },
    async allowSitesInChromeSettings(hosts) {
      const settings = await context.newPage();
      await settings.goto(`chrome://extensions/?id=${extensionId}`);
      await settings.evaluate(
        async ({ id, sites }) => {
          type DeveloperPrivate = {
            updateExtensionConfiguration(update: { extensionId: string; hostAccess: string }): Promise<void>;
            addHostPermission(extensionId: string, host: string): Promise<void>;
          };
          const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
          await api.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_SPECIFIC_SITES' });
          for (const site of sites) await api.addHostPermission(id, site);
        },
        { id: extensionId, sites: [...LINKEDIN_MATCHES, ...GMAIL_MATCHES, ...hosts] },
      );
      await settings.close();
    },
    async killServiceWorker() {
      // Target.closeTarget answers success for a service worker but leaves it running in this
      // Chromium; ServiceWorker.stopWorker stops it the way Chrome does when it is idle.
      const stopped = workerStatus.waitFor((v) => v.runningStatus === 'stopped');
      const running = workerStatus.latest();
      if (!running || running.runningStatus !== 'running') throw new Error('No running Groundwork service worker to stop');
      await control.send('ServiceWorker.stopWorker', { versionId: running.versionId });
      await stopped;
    },
    async reloadExtension() {
      const before = workerStatus.latest()?.versionId;
      const fresh = workerStatus.waitFor((v) => v.versionId !== before && v.runningStatus === 'running');
      const settings = await context.newPage();
      await settings.goto(`chrome://extensions/?id=${extensionId}`);
      await settings.evaluate(async (id) => {
        type DeveloperPrivate = {
          updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
          reload(extensionId: string, options: { failQuietly: boolean }): Promise<void>;
        };
        const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
        // Without developer mode, Chrome disables a reloaded unpacked extension as unsupported.
        await api.updateProfileConfiguration({ inDeveloperMode: true });
        await api.reload(id, { failQuietly: false });
      }, extensionId);
      await fresh;
      await settings.close();
    },
    async serviceWorker() {
      await workerStatus.waitFor((v) => v.runningStatus === 'running');
      return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ??
        context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${extensionId}/`) });
    },
    waitForRealSidePanel: () => waitForRealView('sidepanel.html'),
    openRealPopup: (open) => waitForRealView('popup.html', open),
    isServiceWorkerRunning() {
      return workerStatus.latest()?.runningStatus === 'running';
    },
    async close() {
      await context.close();
      await server.stop();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return harness;
}
