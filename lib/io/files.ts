import { BackupError, MAX_BACKUP_BYTES, parseBackupText, type Backup } from './backup';
import { readBlobText } from './readBlob';

export function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Beyond this size a file is looked at before it is read whole. */
const SNIFF_ABOVE_BYTES = 8 * 1024 * 1024;

/**
 * Reads and checks a backup file; writes nothing. A large file that does not start like a
 * Groundwork backup is refused from its first kilobytes, so picking the wrong 200 MB file costs
 * nothing; a file beyond MAX_BACKUP_BYTES is refused from its size alone.
 */
export async function readBackupFile(file: Blob): Promise<Backup> {
  if (file.size === 0) throw new BackupError('This file is empty. Nothing was changed.');
  if (file.size > MAX_BACKUP_BYTES) {
    throw new BackupError(
      `This file is ${megabytes(file.size)}; Groundwork restores backups up to ${megabytes(MAX_BACKUP_BYTES)}, so it is not one of its backups. Nothing was changed.`,
    );
  }
  if (file.size > SNIFF_ABOVE_BYTES) {
    const head = await readBlobText(file.slice(0, 4096));
    if (!/^\uFEFF?\s*\{\s*"format"\s*:\s*"groundwork-backup"/.test(head)) {
      throw new BackupError('This is not a Groundwork backup (it does not start like one). Nothing was changed.');
    }
  }
  return parseBackupText(await readBlobText(file));
}
