/** Saves text as a file through the browser's own download (no permission needed). Returns its size in bytes. */
export function downloadText(name: string, text: string, type: string): number {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked later, not at once: a large file may still be reading from the URL.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob.size;
}

/** `groundwork-people-2026-11-23.csv`, by the rep's local date. */
export function datedName(stem: string, extension: string, now: number = Date.now()): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `groundwork-${stem}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.${extension}`;
}
