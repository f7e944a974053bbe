// Code passed to page.evaluate runs in an extension page, where `chrome` exists. Only what the
// tests call is declared.
declare const chrome: {
  storage: {
    session: { get(keys: string | null): Promise<Record<string, unknown>> };
    onChanged: { addListener(listener: () => void): void; removeListener(listener: () => void): void };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};
