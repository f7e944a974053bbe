import Dexie, { type EntityTable } from 'dexie';
import type { Account, FitRow, FollowUp, IdealCustomerProfile, Person, Touch } from '../model';
import { changeMarkMiddleware, markDataChanged } from './changeMark';
import { nameKeysMiddleware } from './nameKeys';
import { SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import { touchFiguresMiddleware, type FirstTouch, type TouchTally } from './touchFigures';
import { writeMarksMiddleware, type WriteMark } from './writeMarks';

/**
 * Small named records: "settings" (the rep's Settings, parsed on read), "digest" (the day the
 * morning digest was last shown), "daily" (the day of the last daily pass) and "scoring" (which
 * profile version the stored fits were computed against).
 */
export interface SettingsRow {
  key: 'settings' | 'scoring' | 'digest' | 'daily';
  value: unknown;
}

export const DATABASE_NAME = 'groundwork';

/** Declares `versions` (all shipped ones by default) on `db`. Shared with the migration tests. */
export function declareSchema(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  let upgraded = false;
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade)
      declared.upgrade((tx) => {
        upgraded = true;
        return upgrade(tx);
      });
  }
  // An upgrade rewrites rows in Dexie's own transaction, past the change-mark middleware.
  db.on('ready', () => {
    if (upgraded) markDataChanged();
    upgraded = false;
  });
}

export class GroundworkDB extends Dexie {
  people!: EntityTable<Person, 'id'>;
  accounts!: EntityTable<Account, 'id'>;
  touches!: EntityTable<Touch, 'id'>;
  followUps!: EntityTable<FollowUp, 'id'>;
  fits!: EntityTable<FitRow, 'personId'>;
  profiles!: EntityTable<IdealCustomerProfile, 'id'>;
  settings!: EntityTable<SettingsRow, 'key'>;
  /** Derived from touches and kept by `touchFiguresMiddleware`: never written directly. */
  tallies!: EntityTable<TouchTally, 'at'>;
  firstTouches!: EntityTable<FirstTouch, 'personId'>;
  /** Kept by `writeMarksMiddleware`: never written directly. */
  writeMarks!: EntityTable<WriteMark, 'name'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    declareSchema(this);
    this.use(touchFiguresMiddleware);
    this.use(nameKeysMiddleware);
    this.use(writeMarksMiddleware);
    this.use(changeMarkMiddleware);
  }
}

/**
 * The one database of the extension's origin. Content scripts never import this: they run in the
 * page's origin, where IndexedDB is the site's (DESIGN.md §4).
 */
export const db = new GroundworkDB();
