import { count } from '../../lib/text/words';
import { useRef, useState, type ChangeEvent } from 'react';
import { db } from '../../lib/db';
import {
  CSV_ENCODING_LABELS,
  decodeCsv,
  importPeople,
  peopleFromRowsInSlices,
  PERSON_FIELD_LABELS,
  PERSON_FIELDS,
  readCsvTableInSlices,
  type ColumnMapping,
  type CsvEncoding,
  type CsvTable,
  type DecodedCsv,
  type ImportSummary,
  type PersonField,
  type SkippedRow,
} from '../../lib/io/csvImport';
import { readBlobBytes } from '../../lib/io/readBlob';
import { dataReplaced } from './changed';

const PREVIEW_ROWS = 5;
const SKIPPED_SHOWN = 5;

type Step =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'mapping'; fileName: string; bytes: Uint8Array; decoded: Omit<DecodedCsv, 'text'>; table: CsvTable; mapping: ColumnMapping; problem?: string }
  | { step: 'importing'; fileName: string; done: number; total: number; cancelling: boolean }
  | { step: 'done'; summary: ImportSummary; skipped: SkippedRow[]; failure?: string }
  | { step: 'error'; text: string };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Data rows (1-based, as in "Rows not imported") holding a character the encoding could not read. */
const rowsWithUnreadable = (rows: readonly string[][]) =>
  rows.flatMap((row, i) => (row.some((cell) => cell.includes('\uFFFD')) ? [i + 1] : []));

/** "2 characters could not be read (rows 3 and 41) and show as �." */
function unreadableText(replaced: number, rows: number[]): string {
  const where = rows.length === 0 ? '' : ` (row${rows.length === 1 ? '' : 's'} ${rows.slice(0, 5).join(', ')}${rows.length > 5 ? ', …' : ''})`;
  return `${replaced.toLocaleString()} character${replaced === 1 ? '' : 's'} could not be read${where} and show${replaced === 1 ? 's' : ''} as �.`;
}

/** Which field a column is mapped to, if any. */
const fieldOfColumn = (mapping: ColumnMapping, column: number) => PERSON_FIELDS.find((f) => mapping[f] === column);

function SkippedList({ skipped }: { skipped: SkippedRow[] }) {
  if (skipped.length === 0) return null;
  return (
    <div className="small">
      <p>
        {skipped.length.toLocaleString()} row{skipped.length === 1 ? ' was' : 's were'} not imported:
      </p>
      <ul aria-label="Rows not imported">
        {skipped.slice(0, SKIPPED_SHOWN).map((s) => (
          <li key={s.row}>
            Row {s.row}: {s.reason}
          </li>
        ))}
        {skipped.length > SKIPPED_SHOWN && <li>and {(skipped.length - SKIPPED_SHOWN).toLocaleString()} more</li>}
      </ul>
    </div>
  );
}

/**
 * People from a CSV file: LinkedIn's Connections.csv is recognised and mapped for you; any other
 * file gets a column mapping with a preview. Nothing is written until "Import".
 */
export function CsvImport() {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const abort = useRef<AbortController>(undefined);

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setState({ step: 'reading', fileName: file.name });
    void (async () => {
      try {
        if (file.size === 0) throw new Error('This file is empty. Nothing was imported.');
        const bytes = await readBlobBytes(file);
        const { text, ...decoded } = decodeCsv(bytes);
        const table = await readCsvTableInSlices(text);
        setState({ step: 'mapping', fileName: file.name, bytes, decoded, table, mapping: table.mapping });
      } catch (e) {
        setState({ step: 'error', text: errorText(e) });
      }
    })();
  };

  /** Reads the same file again as the rep chose; the mapping stays when the columns are the same. */
  const readAs = async (encoding: CsvEncoding) => {
    if (state.step !== 'mapping') return;
    try {
      const { text, ...decoded } = decodeCsv(state.bytes, encoding);
      const table = await readCsvTableInSlices(text);
      const sameColumns = table.header.length === state.table.header.length;
      setState({ ...state, decoded, table, mapping: sameColumns ? state.mapping : table.mapping, problem: undefined });
    } catch (e) {
      setState({ ...state, problem: errorText(e) });
    }
  };

  const setColumn = (column: number, field: PersonField | '') => {
    if (state.step !== 'mapping') return;
    const mapping: ColumnMapping = { ...state.mapping };
    const previous = fieldOfColumn(mapping, column);
    if (previous) delete mapping[previous];
    if (field) mapping[field] = column;
    setState({ ...state, mapping, problem: undefined });
  };

  const start = async () => {
    if (state.step !== 'mapping') return;
    let people;
    let skipped: SkippedRow[];
    try {
      ({ people, skipped } = await peopleFromRowsInSlices(state.table.rows, state.mapping));
    } catch (e) {
      setState({ ...state, problem: errorText(e) });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setState({ step: 'importing', fileName: state.fileName, done: 0, total: people.length, cancelling: false });
    let summary: ImportSummary = { added: 0, merged: 0, unchanged: 0, imported: 0, total: people.length, cancelled: false };
    let failure: string | undefined;
    try {
      summary = await importPeople(db, people, {
        signal: controller.signal,
        onProgress: ({ done, total }) => {
          summary = { ...summary, imported: done };
          setState((s) => (s.step === 'importing' ? { ...s, done, total } : s));
        },
      });
    } catch (e) {
      // Chunks before the failing one are written; the failing one is not.
      failure = errorText(e);
    }
    abort.current = undefined;
    if (summary.imported > 0) dataReplaced();
    setState({ step: 'done', summary, skipped, failure });
  };

  return (
    <div className="card stack" aria-label="Import people from CSV">
      <h3>Import people from CSV</h3>
      <p className="muted small">
        LinkedIn’s own export works as it is: LinkedIn › Settings › Data privacy › Get a copy of your data › Connections, then pick Connections.csv
        here. Any other CSV works with a column mapping. People already saved are matched by LinkedIn profile or email, never doubled.
      </p>
      <div className="row">
        <label className="file-button">
          <span>Choose a CSV file…</span>
          <input
            type="file"
            accept=".csv,text/csv,text/plain,.txt,.tsv"
            onChange={chooseFile}
            aria-label="Import people from CSV"
            disabled={state.step === 'reading' || state.step === 'importing'}
          />
        </label>
      </div>
      {state.step === 'reading' && <p role="status">Reading {state.fileName}…</p>}
      {state.step === 'error' && (
        <p role="alert" className="error">
          {state.text}
        </p>
      )}
      {state.step === 'mapping' && (
        <div className="stack">
          <p role="status">
            {state.table.kind === 'linkedin-connections' ? 'LinkedIn connections export' : state.fileName}: {state.table.rows.length.toLocaleString()} row
            {state.table.rows.length === 1 ? '' : 's'}
            {state.table.skippedLines ? `, after ${state.table.skippedLines} lines of notes` : ''}. Nothing has been imported yet.
          </p>
          <div className="row small">
            <label>
              Read as{' '}
              <select aria-label="Text encoding" value={state.decoded.encoding} onChange={(e) => void readAs(e.target.value as CsvEncoding)}>
                {state.decoded.choices.map((encoding) => (
                  <option key={encoding} value={encoding}>
                    {CSV_ENCODING_LABELS[encoding]}
                  </option>
                ))}
              </select>
            </label>
            {state.decoded.encoding === 'windows-1252' && <span className="warning">This file is not UTF-8. Check the names below look right.</span>}
          </div>
          {state.decoded.replaced > 0 && (
            <p className="warning small" data-testid="unreadable-characters">
              {unreadableText(state.decoded.replaced, rowsWithUnreadable(state.table.rows))} Fix them in the file, or try the other encoding.
            </p>
          )}
          <p className="small">Choose what each column holds (a LinkedIn URL or an email is needed to know who someone is):</p>
          <table className="data-preview" aria-label="Column mapping and preview">
            <thead>
              <tr>
                {state.table.header.map((name, column) => (
                  <th key={column} scope="col">
                    <div>{name || `Column ${column + 1}`}</div>
                    <select
                      aria-label={`Column ${name || column + 1}`}
                      value={fieldOfColumn(state.mapping, column) ?? ''}
                      onChange={(e) => setColumn(column, e.target.value as PersonField | '')}
                    >
                      <option value="">Ignore</option>
                      {PERSON_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {PERSON_FIELD_LABELS[field]}
                        </option>
                      ))}
                    </select>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.table.rows.slice(0, PREVIEW_ROWS).map((row, i) => (
                <tr key={i}>
                  {state.table.header.map((_, column) => (
                    <td key={column} title={row[column]}>
                      {row[column]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {state.problem && (
            <p role="alert" className="error">
              {state.problem}
            </p>
          )}
          <div className="row">
            <button type="button" className="primary" onClick={() => void start()}>
              Import {state.table.rows.length.toLocaleString()} row{state.table.rows.length === 1 ? '' : 's'}
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.step === 'importing' && (
        <div className="stack">
          <label>
            Importing {state.fileName}: {state.done.toLocaleString()} of {state.total.toLocaleString()}
            <br />
            <progress max={Math.max(1, state.total)} value={state.done} aria-label="Import progress" />
          </label>
          <div className="row">
            <button
              type="button"
              disabled={state.cancelling}
              onClick={() => {
                abort.current?.abort();
                setState((s) => (s.step === 'importing' ? { ...s, cancelling: true } : s));
              }}
            >
              {state.cancelling ? 'Stopping…' : 'Cancel import'}
            </button>
          </div>
        </div>
      )}
      {state.step === 'done' && (
        <div className="stack">
          <p role={state.failure ? 'alert' : 'status'} className={state.failure ? 'error' : undefined}>
            {state.failure
              ? `The import stopped: ${state.failure} ${state.summary.imported.toLocaleString()} of ${state.summary.total.toLocaleString()} rows were imported before it.`
              : state.summary.cancelled
                ? `Cancelled: ${state.summary.imported.toLocaleString()} of ${state.summary.total.toLocaleString()} rows were imported (${count(state.summary.added, 'new person', 'new people')}); the rest were not.`
                : state.summary.total === 0
                  ? 'Nothing to import.'
                  : `Imported ${state.summary.imported.toLocaleString()} rows: ${count(state.summary.added, 'new person', 'new people')}, ${state.summary.merged.toLocaleString()} merged into people already saved, ${state.summary.unchanged.toLocaleString()} already up to date.`}
          </p>
          <SkippedList skipped={state.skipped} />
        </div>
      )}
    </div>
  );
}
