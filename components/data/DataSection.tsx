import { useState } from 'react';
import { db } from '../../lib/db';
import { followUpsCalendar } from '../../lib/io/calendar';
import { peopleCsv, touchesCsv } from '../../lib/io/csvExport';
import { megabytes } from '../../lib/io/files';
import { deleteAllData } from '../../lib/io/restore';
import { BackupRestore } from './BackupRestore';
import { dataReplaced } from './changed';
import { CsvImport } from './CsvImport';
import { datedName, downloadText } from './download';
import { StorageInfo } from './StorageInfo';
import { TypedConfirm } from './TypedConfirm';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** People and touches for spreadsheets; open follow-ups for the calendar. */
function Exports() {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const run = async (work: () => Promise<string>) => {
    try {
      setMessage({ kind: 'ok', text: await work() });
    } catch (e) {
      setMessage({ kind: 'error', text: `The export failed: ${errorText(e)}` });
    }
  };
  const csv = (stem: string, noun: string, make: typeof peopleCsv) =>
    run(async () => {
      const { csv: text, count } = await make(db);
      const name = datedName(stem, 'csv');
      const size = downloadText(name, text, 'text/csv;charset=utf-8');
      return `Saved ${name}: ${count.toLocaleString()} ${noun} (${megabytes(size)}).`;
    });
  return (
    <div className="card stack" aria-label="Spreadsheets and calendar">
      <h3>Spreadsheets and calendar</h3>
      <p className="muted small">
        CSV files open in Excel, Numbers or Google Sheets (UTF-8; text that a spreadsheet would run as a formula starts with an apostrophe). The calendar
        file has one 15-minute event per open follow-up; importing a newer one updates the same events.
      </p>
      <div className="row">
        <button type="button" onClick={() => void csv('people', 'people', peopleCsv)}>
          People as CSV
        </button>
        <button type="button" onClick={() => void csv('touches', 'touches', touchesCsv)}>
          Touches as CSV
        </button>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              const { ics, count, skipped } = await followUpsCalendar(db);
              const name = datedName('follow-ups', 'ics');
              downloadText(name, ics, 'text/calendar;charset=utf-8');
              const left = skipped.length > 0 ? ` Left out ${skipped.length}: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}.` : '';
              return `Saved ${name}: ${count.toLocaleString()} open follow-up${count === 1 ? '' : 's'}.${left}`;
            })
          }
        >
          Follow-ups to calendar (.ics)
        </button>
      </div>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : undefined}>
          {message.text}
        </p>
      )}
    </div>
  );
}

function DeleteAll() {
  const [state, setState] = useState<'idle' | 'confirming' | 'deleting' | 'deleted' | { error: string }>('idle');
  const remove = async () => {
    setState('deleting');
    try {
      await deleteAllData(db);
      dataReplaced();
      setState('deleted');
    } catch (e) {
      setState({ error: `Nothing was deleted: ${errorText(e)}` });
    }
  };
  return (
    <div className="card stack" aria-label="Delete all data">
      <h3>Delete all data</h3>
      {state === 'confirming' || state === 'deleting' ? (
        <TypedConfirm
          word="delete"
          action="Delete everything"
          explanation="Every person, account, touch, follow-up, ideal customer profile and setting will be deleted from this browser. This cannot be undone: back up first."
          busy={state === 'deleting'}
          onConfirm={() => void remove()}
          onCancel={() => setState('idle')}
        />
      ) : (
        <div className="row">
          <button type="button" onClick={() => setState('confirming')}>
            Delete all data…
          </button>
        </div>
      )}
      {state === 'deleted' && <p role="status">All data deleted. Groundwork is empty and ready to start again.</p>}
      {typeof state === 'object' && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
    </div>
  );
}

/** Options › Your data: it is the rep's, so it can be backed up, restored, taken anywhere and deleted. */
export function DataSection() {
  return (
    <section className="stack" aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p className="muted">Your prospect history lives only in this browser. Back it up, take it to a spreadsheet or calendar, or delete it.</p>
      <StorageInfo />
      <BackupRestore />
      <CsvImport />
      <Exports />
      <DeleteAll />
    </section>
  );
}
