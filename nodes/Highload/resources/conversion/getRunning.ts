import { defineOperation } from '../../shared/operation';
import { records } from '../../shared/output';

export const getRunningConversions = defineOperation({
	resource: 'conversion',
	value: 'getRunning',
	name: 'Get Running',
	action: 'Get running conversions',
	description: 'List the files whose video conversion is still running',
	endpoint: 'file/runningconverts',
	output: records(),
});
