/** Saves text or a data URL as a download (works in the browser and in Electron's window). */
export function downloadUrl(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadText(text: string, fileName: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves content through the browser when there is no file system to write to (base64 content goes as a data URL). */
export function downloadFile(name: string, content: string, mime: string, base64 = false): void {
  if (base64) downloadUrl(`data:${mime};base64,${content}`, name);
  else downloadText(content, name, mime);
}

/** A file-name-safe stem: "Keras CNN" -> "keras-cnn". */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'model'
  );
}
