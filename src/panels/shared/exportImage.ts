// Saving a chart image: the file's name and the download. The image itself
// is composed by exportCompose.ts (loaded only when a button is pressed).

/** A file name for a chart export, e.g. "epoch-lab-loss.png". */
export function exportFileName(chart: string, extension: 'png' | 'svg'): string {
  const slug = chart
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `epoch-lab-${slug || 'chart'}.${extension}`;
}

/** Offers a blob to the user as a download; its URL is released after `lifetimeMs`. */
export function downloadBlob(blob: Blob, fileName: string, lifetimeMs: number): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), lifetimeMs);
}
