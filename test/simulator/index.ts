export { HighloadSimulator, type ListenOptions } from './simulator';
export { DEFAULT_OPTIONS, type RemoteStep, type ResolvedOptions, type SimulatorOptions } from './options';
export type { FaultKind, FaultSpec } from './faults';
export type { RequestHook } from './hooks';
export { ROOT_FOLDER_ID, SimulatorState, type FileInit, type Folder, type RemoteStatus, type RemoteUpload, type StoredFile } from './state';
export type { RecordedRequest, UploadRecord } from './stats';
export { MultipartParser, type PartHeaders, type PartSink } from './multipart';
export { THUMBNAIL_JPEG } from './jpeg';
export { fileLink } from './render';
