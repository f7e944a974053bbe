/**
 * JSON-LD (schema.org) that LinkedIn's public pages embed. Parsed defensively: a page's scripts
 * are untrusted text, so anything malformed is skipped, never thrown.
 */

export type JsonLdNode = Record<string, unknown>;

/** Every node of every JSON-LD block of the document, @graph arrays flattened. */
export function jsonLdNodes(doc: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const node = item as JsonLdNode;
        nodes.push(node);
        if (Array.isArray(node['@graph'])) queue.push(...(node['@graph'] as unknown[]));
      }
    }
  }
  return nodes;
}

export function ofType(nodes: JsonLdNode[], type: string): JsonLdNode[] {
  return nodes.filter((n) => n['@type'] === type || (Array.isArray(n['@type']) && n['@type'].includes(type)));
}

export function stringOrUndefined(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** The objects of a property that holds one object or a list of them; anything else is skipped. */
export function objectsOf(value: unknown): JsonLdNode[] {
  return (Array.isArray(value) ? value : [value]).filter((v): v is JsonLdNode => v !== null && typeof v === 'object');
}

export function firstObjectOrUndefined(value: unknown): JsonLdNode | undefined {
  return objectsOf(value)[0];
}
