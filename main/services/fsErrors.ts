/** The errno code of a Node fs error ('ENOENT', 'EACCES', …), or undefined. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/** A sentence for a person about a failed file operation. */
export function describeFsError(error: unknown, action: string, file: string): string {
  switch (errnoCode(error)) {
    case 'ENOENT':
      return `Could not ${action} ${file}: it does not exist (moved or deleted?).`;
    case 'EACCES':
    case 'EPERM':
      return `Could not ${action} ${file}: permission denied. Choose a folder you can write to.`;
    case 'EISDIR':
      return `Could not ${action} ${file}: it is a folder, not a file.`;
    case 'ENOSPC':
      return `Could not ${action} ${file}: the disk is full.`;
    case 'EROFS':
      return `Could not ${action} ${file}: the file system is read-only.`;
    default:
      return `Could not ${action} ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
