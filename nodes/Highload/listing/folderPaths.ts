import type { IDataObject, IExecuteSingleFunctions, IPollFunctions } from 'n8n-workflow';

import { canonicalFolderId, ROOT_FOLDER_ID } from '../parameters/ids';
import { forItem, operationError } from '../transport/errors';
import type { HighloadSession } from '../transport/session';
import { oncePerRun, runValues, type RunScoped } from '../transport/runCache';
import { listingPages } from './listingPages';
import { formatFolderPath, parseFolderPath } from './pathFormat';
import { FolderWalk, walkStart } from './walkFolder';

/**
 * Folders given by path (`videos/2026/archive`): parsed, resolved from the root level by level, and created where
 * missing when asked (like `mkdir -p`). One node run lists each folder at most once and creates each missing folder
 * exactly once, however many items ask and however many run at the same time: the listings and creations are kept
 * as promises for the run (runCache.ts). Nothing here outlives the run.
 */

/** The folder locator mode that takes a path. */
const PATH_MODE = 'path';

/** A folder as a path resolves it: its id (`0` for the root) and its path in By Path form (`''` for the root). */
export interface ResolvedFolder {
	id: string;
	path: string;
}

interface ChildFolder {
	id: string;
	name: string;
}

/** Names compare as Unicode text (NFC), so a name typed on one system matches the same name stored by another. */
const sameName = (a: string, b: string) => a.normalize('NFC') === b.normalize('NFC');

/** A folder in messages: its path and id when its path is known, else its id. */
const where = (names: string[] | undefined, id: string) =>
	id === ROOT_FOLDER_ID ? 'the root folder' : names === undefined ? `folder ${id}` : `"${formatFolderPath(names)}" (folder ${id})`;
const pathFor = (names: string[] | undefined, name: string) => (names === undefined ? name : formatFolderPath([...names, name]));

const MISSING_HINT =
	'Names are matched exactly (upper and lower case differ). Check the path, pick the folder from the list, or turn on Create Missing Folders under Options where the operation offers it.';
const AMBIGUOUS_HINT =
	'Highload allows folders with the same name side by side, and the node never guesses between them: rename one of them, or pick the folder by ID.';

/** The folder tree of one account as one run has seen it: each folder's subfolders listed once, creations once. */
class FolderTree {
	private readonly children = new Map<string, Promise<ChildFolder[]>>();

	private readonly creations = new Map<string, Promise<string>>();

	/** The subfolders of a folder: listed once per run, page by page until a page brings no new folder. */
	async childrenOf(session: HighloadSession, parentId: string): Promise<ChildFolder[]> {
		let listed = this.children.get(parentId);
		if (!listed) {
			listed = listChildren(session, parentId);
			this.children.set(parentId, listed);
			// A failed listing is not kept: another item may try again.
			listed.catch(() => this.children.delete(parentId));
		}
		return await listed;
	}

	/**
	 * The subfolder `name` of `parentId`: found, or created when missing. `created` is true only for the one caller
	 * whose request created it; every other caller of the run (at the same time or later) gets the same folder.
	 */
	async ensureChild(session: HighloadSession, parentId: string, name: string, names: string[] | undefined): Promise<{ id: string; created: boolean }> {
		const found = this.pick(await this.childrenOf(session, parentId), name, names, parentId, session);
		if (found) return { id: found, created: false };
		const key = `${parentId}\n${name.normalize('NFC')}`;
		const running = this.creations.get(key);
		if (running) return { id: await running, created: false };
		const creation = createFolder(session, parentId, name).then(async (id) => {
			(await this.childrenOf(session, parentId)).push({ id, name });
			return id;
		});
		this.creations.set(key, creation);
		// The items waiting for it share its failure. Whoever asks later (another item, n8n's Retry On Fail) lists the
		// parent again first: a creation that failed after it happened (an answer lost) is found, not sent twice.
		creation.catch(() => {
			this.creations.delete(key);
			this.children.delete(parentId);
		});
		return { id: await creation, created: true };
	}

	/** The one subfolder called `name`, undefined when there is none, an error when there are several. */
	pick(children: ChildFolder[], name: string, names: string[] | undefined, parentId: string, session: HighloadSession): string | undefined {
		const matches = children.filter((child) => sameName(child.name, name));
		if (matches.length > 1) {
			const ids = matches.map((child) => child.id);
			throw operationError(
				session.target,
				`Folder path "${pathFor(names, name)}": ${matches.length} folders are called "${name}" in ${where(names, parentId)}: ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`,
				AMBIGUOUS_HINT,
			);
		}
		return matches[0]?.id;
	}

	/** A path from the root, level by level; missing folders created when `create` is set, an error otherwise. */
	async resolve(session: HighloadSession, text: string, create: boolean): Promise<ResolvedFolder> {
		const names = parseFolderPath(text);
		let id = ROOT_FOLDER_ID;
		for (let depth = 0; depth < names.length; depth++) {
			const above = names.slice(0, depth);
			const name = names[depth];
			if (create) {
				id = (await this.ensureChild(session, id, name, above)).id;
				continue;
			}
			const found = this.pick(await this.childrenOf(session, id), name, above, id, session);
			if (found === undefined) {
				throw operationError(
					session.target,
					`Folder path "${formatFolderPath(names)}": there is no folder "${name}" in ${where(above, id)}`,
					MISSING_HINT,
				);
			}
			id = found;
		}
		return { id, path: formatFolderPath(names) };
	}
}

/** The subfolders of one folder, through the one walker (its paging, de-duplication and stop rule). */
async function listChildren(session: HighloadSession, parentId: string): Promise<ChildFolder[]> {
	const start = walkStart(parentId === ROOT_FOLDER_ID ? undefined : parentId);
	const walk = new FolderWalk(listingPages(session), [start], { includeSubfolders: false, foldersOnly: true });
	const found = new Map<string, ChildFolder>();
	for await (const entries of walk.pages()) {
		for (const { record } of entries) {
			const id = canonicalFolderId(record.id) ?? String(record.id ?? '').trim();
			if (id && !found.has(id)) found.set(id, { id, name: String(record.name ?? '') });
		}
	}
	return [...found.values()];
}

async function createFolder(session: HighloadSession, parentId: string, name: string): Promise<string> {
	const qs: IDataObject = parentId === ROOT_FOLDER_ID ? { name } : { name, pid: parentId };
	const subject = parentId === ROOT_FOLDER_ID ? 'the root folder' : `folder "${parentId}"`;
	const result = await session.request({ endpoint: 'file/createfolder', qs, subject });
	const id = result !== null && typeof result === 'object' ? canonicalFolderId((result as IDataObject).folderid) : undefined;
	if (id === undefined) {
		throw operationError(
			session.target,
			`Highload created folder "${name}" but did not say its id`,
			`Highload reported success (status 200), but its result was ${JSON.stringify(result)}. Check ${subject} in Highload before running again.`,
		);
	}
	return id;
}

/** The folder tree this run has seen of the session's account (a fresh one outside a node run). */
export function folderTreeOf(context: RunScoped | undefined, session: HighloadSession): FolderTree {
	return oncePerRun(runValues(context), `folders\n${session.access.account}`, () => new FolderTree());
}

/** Resolves a path (creating missing folders when asked), as this item's own result or error. */
export async function resolveFolderPath(
	context: RunScoped | undefined,
	session: HighloadSession,
	text: string,
	create: boolean,
): Promise<ResolvedFolder> {
	try {
		return await folderTreeOf(context, session).resolve(session, text, create);
	} catch (error) {
		// A listing or creation is shared by the items of the run: its failure is reported as each item's own.
		throw forItem(session.target, error);
	}
}

/** A resource locator as saved: its mode and raw value. */
interface LocatorValue {
	mode?: string;
	value?: unknown;
}

/** A folder field as an item gives it: the path typed in By Path mode, or the value of any other mode. */
export type FolderField = { path: string } | { value: unknown };

/**
 * Reads a folder field once (its expression evaluated once), in the node or the trigger. The folder locator's modes
 * take nothing out of what was typed, so a mode's raw value is the value n8n's extraction would give.
 */
export function readFolderField(context: IExecuteSingleFunctions | IPollFunctions, field: string): FolderField {
	const raw = context.getNodeParameter(field, '', { extractValue: false }) as LocatorValue | string | undefined;
	if (raw === null || typeof raw !== 'object') return { value: raw };
	if (raw.mode !== PATH_MODE) return { value: raw.value };
	return { path: raw.value === undefined || raw.value === null ? '' : String(raw.value) };
}
