export { Engine, PACKAGE_ROOT, type HighloadCredential, type NodeRun } from './engine';
export { binaryStoragePath, useBinaryMode, type BinaryMode } from './binaryData';
export { testCredential } from './credentialTest';
export type { InputItem } from './testNodes';
export { n8nLogEntries, n8nLogText, type N8nLogEntry } from './n8nLog';
