/**
 * What the data benchmarks call inside an extension page: Groundwork's own repository functions
 * on the extension's own database, bundled by bench/inPage.ts and evaluated in options.html, so
 * each figure times the code the side panel and popup run, in the browser, on real IndexedDB.
 * Never part of the extension build.
 */
import './zodJitless';
import { liveQuery } from 'dexie';
import { scoreFit, profileKey } from '../lib/scoring/fit';
import { fitSummary, subjectForPerson } from '../lib/scoring/subjects';
import { rescoreAll } from '../lib/scoring/rescore';
import { activeProfile } from '../lib/db/profiles';
import { recordTouch } from '../lib/cadence/followUps';
import { db, findPersonByEmail, findPersonByLinkedInUrl, timeline } from '../lib/db';
import { rebuildTouchFigures } from '../lib/db/touchFigures';
import { repWeek } from '../lib/relationships/week';
import { newIdealFitsPerWeek } from '../lib/cadence/weeklyGoal';
import { loadSettings } from '../lib/db/settings';
import { importPeople, peopleFromRowsInSlices, readCsvTableInSlices } from '../lib/io/csvImport';

const api = { db, liveQuery, scoreFit, profileKey, fitSummary, subjectForPerson, rescoreAll, activeProfile, rebuildTouchFigures, repWeek, newIdealFitsPerWeek, loadSettings, findPersonByEmail, findPersonByLinkedInUrl, timeline, recordTouch, readCsvTableInSlices, peopleFromRowsInSlices, importPeople };
export type GroundworkBenchApi = typeof api;
(globalThis as unknown as { groundworkBench: GroundworkBenchApi }).groundworkBench = api;
