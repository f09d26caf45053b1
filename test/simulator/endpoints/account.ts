import type { EndpointTable } from './types';

const QUOTA_BYTES = 1099511627776; // 1 TiB

export const accountEndpoints: EndpointTable = {
	'account/info': ({ core, render }) => {
		let used = 0;
		for (const file of core.state.files.values()) used += file.size;
		return {
			id: `u${core.options.login.replace(/[^a-z0-9]/gi, '').slice(0, 12)}`,
			email: `${core.options.login}@example.com`,
			signup_at: '2019-01-09 23:59:59',
			storage_used: render.num(used),
			storage_left: render.num(Math.max(0, QUOTA_BYTES - used)),
			balance: render.num(12.5),
		};
	},
};
