import { defineOperation } from '../../descriptions/operation';
import { list } from '../../output/results';
import { CONVERSION } from './resource';

export const getRunningConversions = defineOperation({
	resource: CONVERSION,
	value: 'getRunning',
	name: 'Get Running',
	action: 'Get running conversions',
	description: 'List the files whose video conversion is still running',
	endpoint: 'file/runningconverts',
	result: list('running conversions'),
});
