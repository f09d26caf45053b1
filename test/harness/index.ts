export { Engine, PACKAGE_ROOT, type HighloadCredential, type NodeRun } from './engine';
export { useBinaryMode, type BinaryMode } from './binaryData';
export { testCredential } from './credentialTest';
export type { InputItem } from './testNodes';
