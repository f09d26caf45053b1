import { getRunningConversions } from './getRunning';

export const conversionOperations = [getRunningConversions];
