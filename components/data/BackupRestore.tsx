import { useState, type ChangeEvent } from 'react';
import { db } from '../../lib/db';
import { backupCounts, backupFileName, backupToJson, BACKUP_TABLES, createBackup, parseBackup, type Backup, type BackupTable } from '../../lib/io/backup';
import { megabytes, readBackupFile } from '../../lib/io/files';
import { restoreMerge, restoreReplace, type RestoreSummary } from '../../lib/io/restore';
import { dataReplaced } from './changed';
import { downloadText } from './download';
import { TypedConfirm } from './TypedConfirm';

const TABLE_LABELS: Record<BackupTable, string> = {
  people: 'People',
  accounts: 'Accounts',
  touches: 'Touches',
  followUps: 'Follow-ups',
  profiles: 'Ideal customer profiles',
};

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function countsText(backup: Backup): string {
  const counts = backupCounts(backup);
  return `${counts.people.toLocaleString()} people, ${counts.accounts.toLocaleString()} accounts, ${counts.touches.toLocaleString()} touches, ${counts.followUps.toLocaleString()} follow-ups, ${counts.profiles} ideal customer profile${counts.profiles === 1 ? '' : 's'}${backup.data.settings ? ' and settings' : ''}`;
}

type Restore =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string }
  | { step: 'ready'; fileName: string; backup: Backup; confirmReplace: boolean }
  | { step: 'writing'; fileName: string; backup: Backup; confirmReplace: boolean }
  | { step: 'done'; mode: 'merge' | 'replace'; summary: RestoreSummary }
  | { step: 'error'; text: string };

export function RestoreSummaryTable({ summary, mode }: { summary: RestoreSummary; mode: 'merge' | 'replace' }) {
  return (
    <div className="stack" role="status">
      <p>
        {mode === 'merge' ? 'Merged the backup into your data.' : 'Replaced your data with the backup.'}{' '}
        {summary.settings === 'restored' ? 'Settings restored.' : summary.settings === 'kept' ? 'Your settings were kept.' : 'Settings are the defaults.'}
      </p>
      <table className="distribution" aria-label="What the restore did">
        <thead>
          <tr>
            <th />
            <th>Added</th>
            <th>Merged</th>
            <th>Already here</th>
          </tr>
        </thead>
        <tbody>
          {BACKUP_TABLES.map((table) => (
            <tr key={table}>
              <th scope="row">{TABLE_LABELS[table]}</th>
              <td className="count">{summary[table].added.toLocaleString()}</td>
              <td className="count">{summary[table].merged.toLocaleString()}</td>
              <td className="count">{summary[table].skipped.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One-click backup of everything, and restore (merge or replace) from a checked file. */
export function BackupRestore() {
  const [backupMessage, setBackupMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [backingUp, setBackingUp] = useState(false);
  const [restore, setRestore] = useState<Restore>({ step: 'idle' });

  const backUp = async () => {
    setBackingUp(true);
    setBackupMessage(undefined);
    try {
      const backup = await createBackup(db);
      const text = backupToJson(backup);
      const name = backupFileName();
      const size = downloadText(name, text, 'application/json');
      // The same check a restore makes, now, while the data is still here to fix.
      try {
        parseBackup(JSON.parse(text));
        setBackupMessage({ kind: 'ok', text: `Saved ${name} (${megabytes(size)}): ${countsText(backup)}. Checked: it restores.` });
      } catch (e) {
        setBackupMessage({ kind: 'error', text: `Saved ${name}, but it would not restore as it is: ${errorText(e)} Keep the file, and report this.` });
      }
    } catch (e) {
      setBackupMessage({ kind: 'error', text: `The backup failed: ${errorText(e)}` });
    } finally {
      setBackingUp(false);
    }
  };

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setRestore({ step: 'checking', fileName: file.name });
    readBackupFile(file).then(
      (backup) => setRestore({ step: 'ready', fileName: file.name, backup, confirmReplace: false }),
      (e: unknown) => setRestore({ step: 'error', text: errorText(e) }),
    );
  };

  const write = async (mode: 'merge' | 'replace') => {
    if (restore.step !== 'ready') return;
    setRestore({ ...restore, step: 'writing' });
    try {
      const summary = mode === 'merge' ? await restoreMerge(db, restore.backup) : await restoreReplace(db, restore.backup);
      dataReplaced();
      setRestore({ step: 'done', mode, summary });
    } catch (e) {
      setRestore({ step: 'error', text: `Nothing was restored: ${errorText(e)}` });
    }
  };

  const exportedAt = (backup: Backup) => new Date(backup.exportedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <div className="card stack" aria-label="Backup and restore">
      <h3>Backup and restore</h3>
      <p className="muted small">
        A backup is one JSON file with everything: people, accounts, touches, follow-ups, ideal customer profiles and settings. Fit scores are
        recomputed after a restore.
      </p>
      <div className="row">
        <button type="button" className="primary" disabled={backingUp} onClick={() => void backUp()}>
          {backingUp ? 'Backing up…' : 'Back up everything'}
        </button>
        <label className="file-button">
          <span>Restore from a backup…</span>
          <input type="file" accept="application/json,.json" onChange={chooseFile} aria-label="Restore from a backup" disabled={restore.step === 'checking' || restore.step === 'writing'} />
        </label>
      </div>
      {backupMessage && (
        <p role={backupMessage.kind === 'error' ? 'alert' : 'status'} className={backupMessage.kind === 'error' ? 'error' : undefined}>
          {backupMessage.text}
        </p>
      )}
      {restore.step === 'checking' && <p role="status">Checking {restore.fileName}…</p>}
      {(restore.step === 'ready' || restore.step === 'writing') && (
        <div className="stack">
          <p role="status">
            {restore.fileName}: a backup from {exportedAt(restore.backup)} with {countsText(restore.backup)}. Nothing has been changed yet.
          </p>
          <div className="row">
            <button type="button" className="primary" disabled={restore.step === 'writing'} onClick={() => void write('merge')}>
              Merge into my data
            </button>
            <button type="button" disabled={restore.step === 'writing' || restore.confirmReplace} onClick={() => setRestore({ ...restore, confirmReplace: true })}>
              Replace all my data…
            </button>
            <button type="button" disabled={restore.step === 'writing'} onClick={() => setRestore({ step: 'idle' })}>
              Cancel
            </button>
          </div>
          <p className="muted small">
            Merge adds what the backup has: the same person (by LinkedIn profile or email) becomes one, the newer edit wins, touches are never doubled.
            Replace deletes everything here first.
          </p>
          {restore.confirmReplace && (
            <TypedConfirm
              word="replace"
              action="Replace my data"
              explanation="Everything Groundwork holds in this browser will be deleted and replaced by the backup’s contents. This cannot be undone."
              busy={restore.step === 'writing'}
              onConfirm={() => void write('replace')}
              onCancel={() => restore.step === 'ready' && setRestore({ ...restore, confirmReplace: false })}
            />
          )}
          {restore.step === 'writing' && <p role="status">Restoring…</p>}
        </div>
      )}
      {restore.step === 'done' && <RestoreSummaryTable summary={restore.summary} mode={restore.mode} />}
      {restore.step === 'error' && (
        <p role="alert" className="error">
          {restore.text}
        </p>
      )}
    </div>
  );
}
