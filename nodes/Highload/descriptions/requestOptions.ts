import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_BANDWIDTH_RETRIES, DEFAULT_MAX_CONCURRENT_REQUESTS } from '../transport/session';

/**
 * Our additions to the Request Options that n8n adds to every declarative node (Batching, Timeout, Proxy...).
 * n8n keeps these options but not a collection default, so the defaults live in the transport.
 */
export const requestOptions: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Bandwidth Retries',
			name: 'bandwidthRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: DEFAULT_BANDWIDTH_RETRIES,
			description:
				'How many times to retry a request that Highload refused with 509 (bandwidth exceeded), waiting 1 s, 2 s, 4 s... in between (0 = never).',
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: DEFAULT_MAX_CONCURRENT_REQUESTS,
			description:
				"How many requests to Highload may be in flight at once for this account, counting every node and execution in this n8n process (in queue mode: per worker). The default keeps large runs under Highload's 509 throttling.",
		},
	],
};
