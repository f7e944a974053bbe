// Code passed to page.evaluate runs in an extension page, where `chrome` exists. Only what the
// tests call is declared.
declare const chrome: {
  storage: { session: { get(keys: string | null): Promise<Record<string, unknown>> } };
};
