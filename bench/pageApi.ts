/**
 * What the data benchmarks call inside an extension page: Groundwork's own repository functions
 * on the extension's own database, bundled by bench/inPage.ts and evaluated in options.html, so
 * each figure times the code the side panel and popup run, in the browser, on real IndexedDB.
 * Never part of the extension build.
 */
import './zodJitless';
import Dexie, { liveQuery } from 'dexie';
import { recordTouch } from '../lib/cadence/followUps';
import { db, findPersonByEmail, findPersonByLinkedInUrl, timeline } from '../lib/db';
import { dueHead } from '../lib/db/dueFollowUps';
import { rebuildTouchFigures } from '../lib/db/touchFigures';
import { importPeople, peopleFromRowsInSlices, readCsvTableInSlices } from '../lib/io/csvImport';
import { FIELD_PREFIX } from '../lib/search/keys';
import { fieldsFor, searchPeople } from '../lib/search/searchPeople';
import { loadPeopleRows } from '../lib/workspace/rows';
import { markDataChanged } from '../lib/db/changeMark';
import { DATABASE_NAME, declareSchema } from '../lib/db/db';
import * as raw from './raw';

/**
 * Groundwork's database through Dexie alone: the same schema, none of Groundwork's middlewares
 * (the touches' figures, name keys, change marks). Logging's floor done through it shows what
 * Dexie's own API costs beside raw IndexedDB (bench/data.ts).
 */
function dexieAlone(): Dexie {
  const plain = new Dexie(DATABASE_NAME);
  declareSchema(plain);
  return plain;
}

const api = { db, liveQuery, rebuildTouchFigures, dueHead, findPersonByEmail, findPersonByLinkedInUrl, timeline, recordTouch, readCsvTableInSlices, peopleFromRowsInSlices, importPeople, raw, searchPeople, fieldsFor, FIELD_PREFIX, loadPeopleRows, dexieAlone, markDataChanged };
export type GroundworkBenchApi = typeof api;
(globalThis as unknown as { groundworkBench: GroundworkBenchApi }).groundworkBench = api;
