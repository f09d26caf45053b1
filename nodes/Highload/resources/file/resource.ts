import type { QueryCheck } from '../../parameters/checks';

export const FILE = { value: 'file', name: 'File' };

/** The File field (declared in index.ts) and the optional Folder of Upload and Get Upload URL, as sent and checked. */
export const fileCheck: QueryCheck = { query: 'file', field: 'fileId', label: 'File', kind: 'fileId', required: true };
export const uploadFolderCheck: QueryCheck = { query: 'folder', label: 'Folder', kind: 'folderId', required: false, field: 'folderId' };

/** A file operation's 404 names the file. */
export const fileSubject = { kind: 'file', query: 'file' };
