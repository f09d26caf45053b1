import { getRunningConversions } from './getRunning';
import { CONVERSION } from './resource';

export const conversionResource = { ...CONVERSION, operations: [getRunningConversions] };
