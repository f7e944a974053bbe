import fc from 'fast-check';

/**
 * Hostile inputs for the property tests (issue 15): values a page, a hand-edited file or a bug
 * could put anywhere, and mutations of a valid sample at any path — what a fuzzer finds fastest
 * are inputs almost right.
 */

/** The number of generated cases each property runs; summed in the session note. */
export const RUNS = { many: 3000, some: 1000, few: 300 } as const;

/** Values chosen to break parsers: wrong types, edges of numbers and dates, odd text, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: false, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, maxDepth: 3 }),
  fc.constantFrom(
    null,
    undefined,
    true,
    0,
    -0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER,
    8_640_000_000_000_001, // one past JavaScript's dates
    -8_640_000_000_000_001,
    Date.UTC(1989, 11, 31),
    Date.UTC(2200, 0, 2),
    '',
    ' ',
    '\u0000',
    '\uFEFF',
    '\uD800', // a lone surrogate
    '=HYPERLINK("http://evil.example")',
    '<img src=x onerror=alert(1)>',
    '__proto__',
    'constructor',
    'javascript:alert(1)',
    'https://www.linkedin.com/in/%E0%A4%A/',
    'x'.repeat(100_000),
    [],
    {},
    { __proto__: { polluted: true } },
    JSON.parse('{"__proto__": {"polluted": true}}'),
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.integer(),
  fc.double(),
);

type Path = (string | number)[];

/** Every path into a JSON-like value, objects' keys and arrays' indices alike (the root too). */
export function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) pathsOf(item, [...prefix, key], out);
  return out;
}

export type Mutation = { kind: 'replace'; path: Path; value: unknown } | { kind: 'delete'; path: Path } | { kind: 'add'; path: Path; key: string; value: unknown };

/** One to three mutations of `sample`: a value replaced, a key deleted, or a key added, anywhere. */
export function mutationsOf(sample: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(sample);
  const objectPaths = paths.filter((path) => {
    const at = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], sample);
    return typeof at === 'object' && at !== null && !Array.isArray(at);
  });
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), path: fc.constantFrom(...paths), value: hostileValue }),
    fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...paths.filter((p) => p.length > 0)) }),
    fc.record({ kind: fc.constant('add' as const), path: fc.constantFrom(...objectPaths), key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'type', 'id')), value: hostileValue }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => mutations.reduce<unknown>((value, m) => apply(value, m), sample));
}

/** `value` with one mutation applied; unchanged when an earlier mutation removed its path. */
function apply(value: unknown, mutation: Mutation): unknown {
  if (mutation.kind === 'replace' && mutation.path.length === 0) return mutation.value;
  try {
    const copy = structuredClone(value);
    const parentPath = mutation.kind === 'add' ? mutation.path : mutation.path.slice(0, -1);
    const parent = parentPath.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
    if (typeof parent !== 'object' || parent === null) return value;
    const key = mutation.path.at(-1)!;
    if (mutation.kind === 'replace') parent[key] = mutation.value;
    else if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else {
      // defineProperty: a key named "__proto__" is then an own key, as JSON.parse makes it.
      Object.defineProperty(parent, mutation.key, { value: mutation.value, enumerable: true, configurable: true, writable: true });
    }
    return copy;
  } catch {
    return value;
  }
}

/** `sample` as it is, or mutated: valid inputs keep the property honest about what it accepts. */
export function nearlyValid(sample: unknown): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 1, arbitrary: fc.constant(sample) }, { weight: 9, arbitrary: mutationsOf(sample) });
}
