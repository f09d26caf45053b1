import type { QueryCheck } from '../../parameters/checks';

export const REMOTE_UPLOAD = { value: 'remoteUpload', name: 'Remote Upload' };

/** The Remote Upload ID of Get and Remove (declared in index.ts). */
export const remoteUploadIdCheck: QueryCheck = { query: 'id', field: 'remoteUploadId', label: 'Remote Upload ID', kind: 'remoteUploadId', required: true };
export const remoteUploadSubject = { kind: 'remote upload', query: 'id' };
