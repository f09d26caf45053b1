import type { IDataObject } from 'n8n-workflow';

import type { SortDirection, SortKey, SortRule } from '../listing/sortListing';

const KEYS: SortKey[] = ['downloads', 'name', 'size', 'uploaded'];
const DIRECTIONS: SortDirection[] = ['ascending', 'descending'];

/** The Sort field's rules (descriptions/listingSort.ts), checked; `fail` names what is wrong. */
export function readSortRules(raw: IDataObject, fail: (message: string, hint: string) => Error): SortRule[] {
	const rules = Array.isArray(raw.rules) ? (raw.rules as IDataObject[]) : raw.rules ? [raw.rules as IDataObject] : [];
	return rules.map((rule, at) => {
		const key = String(rule.by ?? 'uploaded') as SortKey;
		const direction = String(rule.direction ?? 'ascending') as SortDirection;
		if (!KEYS.includes(key)) throw fail(`Sort → Sort By (rule ${at + 1}): "${key}" is not something to sort by`, 'Pick Downloads, Name, Size or Uploaded.');
		if (!DIRECTIONS.includes(direction)) throw fail(`Sort → Direction (rule ${at + 1}): "${direction}" is not a direction`, 'Pick Ascending or Descending.');
		return { key, direction };
	});
}
