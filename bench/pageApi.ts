/**
 * What the data benchmarks call inside an extension page: Groundwork's own repository functions
 * on the extension's own database, bundled by bench/inPage.ts and evaluated in options.html, so
 * each figure times the code the side panel and popup run, in the browser, on real IndexedDB.
 * Never part of the extension build.
 */
import './zodJitless';
import { liveQuery } from 'dexie';
import { recordTouch } from '../lib/cadence/followUps';
import { db, findPersonByEmail, findPersonByLinkedInUrl, timeline } from '../lib/db';
import { dueHead } from '../lib/db/dueFollowUps';
import { rebuildTouchFigures } from '../lib/db/touchFigures';
import { importPeople, peopleFromRowsInSlices, readCsvTableInSlices } from '../lib/io/csvImport';
import { FIELD_PREFIX } from '../lib/search/keys';
import { fieldsFor, searchPeople } from '../lib/search/searchPeople';
import { loadPeopleRows } from '../lib/workspace/rows';
import * as raw from './raw';

const api = { db, liveQuery, rebuildTouchFigures, dueHead, findPersonByEmail, findPersonByLinkedInUrl, timeline, recordTouch, readCsvTableInSlices, peopleFromRowsInSlices, importPeople, raw, searchPeople, fieldsFor, FIELD_PREFIX, loadPeopleRows };
export type GroundworkBenchApi = typeof api;
(globalThis as unknown as { groundworkBench: GroundworkBenchApi }).groundworkBench = api;
