import type { Transaction } from 'dexie';
import { nameKeysOf } from '../identity/names';
import { searchKeysOf, type Searchable } from '../search/keys';
import { rebuildTouchFigures } from './touchFigures';

/**
 * Every schema version Groundwork has shipped, oldest first. Never edit a shipped entry: add a new
 * one with the changed `stores` and, when rows must be rewritten, an `upgrade`. Each shipped
 * version keeps a fixture database in tests/fixtures/db/v<N>.json, and tests/unit/db/migrations
 * opens every one with the current code and checks that every row survived.
 *
 * Index choices follow the queries (STYLE.md, Dexie's samples):
 * - people: unique canonical LinkedIn URL; multi-entry emails; by account and by company name
 *   (account views); by name, referrer and flag (issue 7). Nothing else: every index is paid for on
 *   every write.
 * - touches: [personId+at] for the timeline (and, as a prefix, "all touches of a person");
 *   unique sourceKey so an email or reply is never logged twice; by account and time for
 *   account views and the weekly figures.
 * - followUps: [status+dueAt] for "due today"; by person for the side panel.
 * - accounts: unique LinkedIn company URL; multi-entry web domains for email matching.
 * - fits: derived fit per person (lib/scoring/rescore.ts), keyed by person, no other index.
 * - tallies, firstTouches: running totals of the touches (lib/db/touchFigures.ts), by quarter hour
 *   and by person (indexed by the first touch's time).
 * - profiles: ideal customer profiles. settings: small named rows ("settings", "scoring").
 * - writeMarks: which transaction last saved an email address on a person (lib/db/writeMarks.ts).
 */
export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      people: 'id, &linkedinUrl, *emails, accountId, stage, updatedAt',
      accounts: 'id, &linkedinUrl, *domains, name',
      touches: 'id, [personId+at], &sourceKey, accountId, at',
      followUps: 'id, [status+dueAt], personId',
      profiles: 'id',
      settings: 'key',
    },
  },
  {
    // v2: people by company name, so saving an account links the people already saved under
    // that company name without scanning the table.
    version: 2,
    stores: {
      people: 'id, &linkedinUrl, *emails, accountId, companyName, stage, updatedAt',
    },
  },
  {
    // v3: each person's fit against the active profile, kept apart from the person so that
    // re-scoring 50k people writes small rows with no secondary indexes to maintain.
    version: 3,
    stores: {
      fits: 'personId',
    },
  },
  {
    // v4: relationship depth (issue 7). People by name (finding a referrer as the rep types),
    // by who referred them (the referral chain on both people), and by flag (brain-pickers in
    // the rep's week) — each a query that would otherwise scan every person.
    version: 4,
    stores: {
      people: 'id, &linkedinUrl, *emails, accountId, companyName, stage, updatedAt, name, referredById, *flags',
    },
  },
  {
    // v5: two indexes fewer on people, whose every write maintains them all (an import of 50k
    // people spent most of its time in index writes): `stage` was never queried, and the fit
    // preview now samples people by id (random ids: an unbiased sample) instead of by `updatedAt`.
    version: 5,
    stores: {
      people: 'id, &linkedinUrl, *emails, accountId, companyName, name, referredById, *flags',
    },
  },
  {
    // v6: the touches' running totals (lib/db/touchFigures.ts), so the rep's week and the weekly
    // goal read small rows instead of every touch of eight weeks. Built once here from the
    // touches; kept by a middleware from then on.
    version: 6,
    stores: {
      tallies: 'at',
      firstTouches: 'personId, firstAt',
    },
    upgrade: (tx) => rebuildTouchFigures({ touches: tx.table('touches'), tallies: tx.table('tallies'), firstTouches: tx.table('firstTouches') }),
  },
  {
    // v7: people by the folded words of their name (`nameKeys`, lib/db/nameKeys.ts), so an email
    // address Groundwork does not know finds the saved person it most likely is, accents, case and
    // word order aside; and by tag, so the tags in use are suggested without reading everyone
    // (issue 16). Name keys are set on every existing person here; kept by a middleware.
    version: 7,
    stores: {
      people: 'id, &linkedinUrl, *emails, accountId, companyName, name, referredById, *flags, *nameKeys, *tags',
    },
    upgrade: async (tx) => {
      await tx
        .table('people')
        .toCollection()
        .modify((person: { name?: unknown; nameKeys?: string[] }) => {
          if (typeof person.name === 'string') person.nameKeys = nameKeysOf(person.name);
        });
    },
  },
  {
    // v8: the workspace (issue 18). People by every other word they are searched by
    // (`searchKeys`, lib/search/keys.ts; kept by the same middleware as `nameKeys`), and each
    // person's last touch and first give and ask in `firstTouches`, so the lists' "last touch" and
    // "asked before giving" read one small row per person: rebuilt once here, as v6 did.
    version: 8,
    stores: {
      people: 'id, &linkedinUrl, *emails, accountId, companyName, name, referredById, *flags, *nameKeys, *tags, *searchKeys',
    },
    upgrade: async (tx) => {
      await tx
        .table('people')
        .toCollection()
        .modify((person: Searchable & { searchKeys?: string[] }) => {
          person.searchKeys = searchKeysOf(person);
        });
      await rebuildTouchFigures({ touches: tx.table('touches'), tallies: tx.table('tallies'), firstTouches: tx.table('firstTouches') });
    },
  },
  {
    // v9: which transaction last saved an address on a person (lib/db/writeMarks.ts), so a CSV
    // import checks its chunks' new addresses with one read. Kept by a middleware; none until the
    // first address is saved.
    version: 9,
    stores: { writeMarks: 'name' },
  },
];
