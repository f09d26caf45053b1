import type { PendingFolder } from '../listing/walkFolder';

/**
 * The folder search's `paginationToken`: the walk's position itself (the folders still to list, with their names and
 * the ids above them), so any process can continue it and nothing is kept between calls. Folders waiting with the
 * same parent share one group: `[ids above them, parent's names, [[id, name], ...]]`, as JSON in base64url.
 */
type Group = [string[], string[], Array<[string | null, string]>];

interface Cursor {
	v: 1;
	q: Group[];
}

const VERSION = 1;

export function encodeCursor(pending: readonly PendingFolder[]): string {
	const groups: Group[] = [];
	let last: { ancestors: readonly string[]; group: Group } | undefined;
	for (const folder of pending) {
		const parentNames = folder.names.slice(0, -1);
		const name = folder.names[folder.names.length - 1] ?? '';
		if (!last || last.ancestors !== folder.ancestors) {
			last = { ancestors: folder.ancestors, group: [[...folder.ancestors], parentNames, []] };
			groups.push(last.group);
		}
		last.group[2].push([folder.id ?? null, name]);
	}
	const cursor: Cursor = { v: VERSION, q: groups };
	return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The folders a token says are still to list; undefined when it is not a token of this search. */
export function decodeCursor(token: string): PendingFolder[] | undefined {
	let cursor: unknown;
	try {
		cursor = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
	} catch {
		return undefined;
	}
	const { v, q } = (cursor ?? {}) as Partial<Cursor>;
	if (v !== VERSION || !Array.isArray(q)) return undefined;
	const pending: PendingFolder[] = [];
	for (const group of q as unknown[]) {
		if (!Array.isArray(group) || group.length !== 3) return undefined;
		const [ancestors, parentNames, folders] = group as unknown[];
		if (!isStrings(ancestors) || !isStrings(parentNames) || !Array.isArray(folders)) return undefined;
		for (const folder of folders as unknown[]) {
			if (!Array.isArray(folder) || folder.length !== 2) return undefined;
			const [id, name] = folder as unknown[];
			if ((id !== null && typeof id !== 'string') || typeof name !== 'string') return undefined;
			pending.push({ id: id ?? undefined, names: id === null ? [] : [...parentNames, name], ancestors });
		}
	}
	return pending;
}
