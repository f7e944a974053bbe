// Code passed to page.evaluate runs in an extension page, where `chrome` exists. Only what the
// tests call is declared.
declare const chrome: {
  storage: {
    session: {
      get(keys: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
    onChanged: {
      addListener(listener: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => void): void;
      removeListener(listener: (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => void): void;
    };
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string>; getPopup(details: object): Promise<string>; openPopup(): Promise<void> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, unknown>> };
  windows: { create(details: { url: string[]; focused?: boolean }): Promise<unknown> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
};
