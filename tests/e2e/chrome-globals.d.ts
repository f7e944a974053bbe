// Code passed to page.evaluate runs in an extension page, where `chrome` exists. Only what the
// tests call is declared.
declare const chrome: {
  storage: {
    session: { get(keys: string | null): Promise<Record<string, unknown>> };
    onChanged: {
      addListener(listener: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => void): void;
      removeListener(listener: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => void): void;
    };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};
