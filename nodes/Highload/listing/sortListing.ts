import type { IDataObject } from 'n8n-workflow';

import { numberOf, uploadTime } from './filters';

export type SortKey = 'uploaded' | 'name' | 'size' | 'downloads';
export type SortDirection = 'ascending' | 'descending';

export interface SortRule {
	key: SortKey;
	direction: SortDirection;
}

type KeyValue = string | number | undefined;

interface Ranked<T> {
	keys: KeyValue[];
	/** Position in the listing: equal keys keep the listing's order. */
	seq: number;
	item: T;
}

/** Names compare as people read them: case-insensitive, digits by value (`file2` before `file10`). */
const names = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function keyOf(record: IDataObject, key: SortKey): KeyValue {
	switch (key) {
		case 'uploaded':
			return uploadTime(record);
		case 'name':
			return record.name === undefined || record.name === null ? undefined : String(record.name);
		case 'size':
			return numberOf(record, 'size');
		case 'downloads':
			return numberOf(record, 'download_count');
	}
}

function compareValues(a: KeyValue, b: KeyValue, key: SortKey, direction: SortDirection): number {
	// A missing value (a folder has no size) comes last in either direction.
	if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
	let order: number;
	if (key === 'name') order = names.compare(a as string, b as string);
	else order = a < b ? -1 : a > b ? 1 : 0;
	return direction === 'descending' ? -order : order;
}

/**
 * Keeps the first `limit` items of a listing in the rules' order (sorted by their records' keys), seeing each once:
 * a bounded heap holding only the items that will be output (the worst of them on top, replaced when a better one
 * comes), so sorting a 100,000-file listing for "the 100 oldest" holds 100 items, not 100,000. Without a limit it
 * holds every item added, which is what it outputs.
 */
export class SortedSelection<T = IDataObject> {
	private readonly heap: Array<Ranked<T>> = [];
	private seq = 0;

	constructor(
		private readonly rules: SortRule[],
		private readonly limit: number,
	) {}

	/** Negative when `a` comes before `b` in the output. */
	private compare(a: Ranked<T>, b: Ranked<T>): number {
		for (let at = 0; at < this.rules.length; at++) {
			const { key, direction } = this.rules[at];
			const order = compareValues(a.keys[at], b.keys[at], key, direction);
			if (order !== 0) return order;
		}
		return a.seq - b.seq;
	}

	/** Offers `item`, ranked by `record`'s keys (the item itself when it is the record). */
	add(item: T, record: IDataObject = item as IDataObject): void {
		if (this.limit <= 0) return;
		const ranked: Ranked<T> = { keys: this.rules.map((rule) => keyOf(record, rule.key)), seq: this.seq++, item };
		if (this.heap.length < this.limit) {
			this.heap.push(ranked);
			this.up(this.heap.length - 1);
		} else if (this.compare(ranked, this.heap[0]) < 0) {
			this.heap[0] = ranked;
			this.down(0);
		}
	}

	/** The kept items, in order. */
	items(): T[] {
		return [...this.heap].sort((a, b) => this.compare(a, b)).map((ranked) => ranked.item);
	}

	/** Heap order: a parent comes after its children in the output (the root is the last one kept). */
	private above(a: number, b: number): boolean {
		return this.compare(this.heap[a], this.heap[b]) > 0;
	}

	private swap(a: number, b: number): void {
		[this.heap[a], this.heap[b]] = [this.heap[b], this.heap[a]];
	}

	private up(at: number): void {
		while (at > 0) {
			const parent = (at - 1) >> 1;
			if (this.above(parent, at)) return;
			this.swap(parent, at);
			at = parent;
		}
	}

	private down(at: number): void {
		for (;;) {
			const left = 2 * at + 1;
			const right = left + 1;
			let top = at;
			if (left < this.heap.length && this.above(left, top)) top = left;
			if (right < this.heap.length && this.above(right, top)) top = right;
			if (top === at) return;
			this.swap(top, at);
			at = top;
		}
	}
}
