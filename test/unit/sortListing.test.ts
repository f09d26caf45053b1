import type { IDataObject } from 'n8n-workflow';

import { SortedSelection, type SortRule } from '../../nodes/Highload/listing/sortListing';

/** A deterministic pseudo-random sequence (the test must not depend on luck). */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2 ** 31;
		return state / 2 ** 31;
	};
}

function files(count: number, seed = 7): IDataObject[] {
	const next = random(seed);
	return Array.from({ length: count }, (_, at) => {
		const day = 1 + Math.floor(next() * 28);
		return {
			id: `f${at}`,
			name: `file${Math.floor(next() * 50)}.mp4`,
			size: String(Math.floor(next() * 1000)),
			download_count: String(Math.floor(next() * 5)),
			upload_at: `2026-02-${String(day).padStart(2, '0')} 10:00:00`,
		};
	});
}

const select = (records: IDataObject[], rules: SortRule[], limit: number) => {
	const sorted = new SortedSelection(rules, limit);
	for (const record of records) sorted.add(record);
	return sorted.items().map((record) => record.id);
};

describe('sorted selection', () => {
	test.each([1, 3, 100, 999, 1000, 5000])('the first %i of 1,000 equal a full sort cut to that many (ties in listing order)', (limit) => {
		const listing = files(1000);
		const rules: SortRule[] = [
			{ key: 'downloads', direction: 'descending' },
			{ key: 'uploaded', direction: 'ascending' },
		];
		const full = listing
			.map((record, seq) => ({ record, seq }))
			.sort(
				(a, b) =>
					Number(b.record.download_count) - Number(a.record.download_count) ||
					String(a.record.upload_at).localeCompare(String(b.record.upload_at)) ||
					a.seq - b.seq,
			)
			.map(({ record }) => record.id);
		expect(select(listing, rules, limit)).toEqual(full.slice(0, limit));
		expect(select(listing, rules, Infinity)).toEqual(full);
	});

	test('names as people read them; entries without the key last in both directions', () => {
		const records = [{ id: 'a', name: 'file10' }, { id: 'b', name: 'File2' }, { id: 'c', name: 'file1' }, { id: 'folder' }];
		expect(select(records, [{ key: 'name', direction: 'ascending' }], Infinity)).toEqual(['c', 'b', 'a', 'folder']);
		expect(select(records, [{ key: 'name', direction: 'descending' }], Infinity)).toEqual(['a', 'b', 'c', 'folder']);
		const sized = [{ id: 'x', size: '5' }, { id: 'folder' }, { id: 'y', size: 7 }];
		expect(select(sized, [{ key: 'size', direction: 'descending' }], 2)).toEqual(['y', 'x']);
		expect(select(sized, [{ key: 'size', direction: 'ascending' }], Infinity)).toEqual(['x', 'y', 'folder']);
	});

	test('holds at most `limit` records however many are added', () => {
		const sorted = new SortedSelection([{ key: 'uploaded', direction: 'ascending' }], 10);
		for (const record of files(20000)) sorted.add(record);
		expect((sorted as unknown as { heap: unknown[] }).heap).toHaveLength(10);
	});
});
