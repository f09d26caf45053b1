import { createHash } from 'crypto';

/**
 * The trigger's memory of a watched folder, kept in the node's static data (saved as JSON by n8n): one string,
 * the sorted file ids joined by commas. `fileReady` puts one flag character before each id: `r` (its conversion
 * is completed) or `p` (not yet). Ids are kept whole, whatever their form (`9fnelnvpql73`, the API document's
 * `Vxj4mjsK4PX`, longer ones), so the trigger can ask `file/info` about any file missing from a listing; a `%` or
 * `,` inside an id is written as `%25` / `%2C`.
 *
 * Cost: id length + 1 byte per file (+1 for `fileReady`): 13–14 bytes for Highload's usual 12-character ids,
 * n + 1 (or n + 2) bytes for an id of n characters; JSON-safe ids (letters, digits, most punctuation) are not
 * escaped again when n8n saves the static data. Sorting makes the string the same whatever order the API listed
 * the files in, so an unchanged folder leaves the static data untouched (n8n saves only changed static data).
 *
 * Format 1 (before): fixed 12-character keys, ids of other forms replaced by a hash. It is still read, so an
 * upgraded trigger neither loses its baseline nor re-emits anything: a listed id is looked up as itself and as
 * its format-1 key.
 */
export const STATE_FORMAT = 2;

export type FileFlag = 'r' | 'p' | '';

const LEGACY_KEY_WIDTH = 12;
const LEGACY_PLAIN_ID = /^[a-z0-9]{12}$/;

/** The format-1 key of an id. */
function legacyKey(id: string): string {
	if (LEGACY_PLAIN_ID.test(id)) return id;
	return `~${createHash('sha256').update(id).digest('base64url').slice(0, LEGACY_KEY_WIDTH - 1)}`;
}

// Usual ids hold neither character: they are tested once rather than rewritten (a poll packs 100,000 of them).
const NEEDS_ESCAPE = /[%,]/;
const escapeId = (id: string) => (NEEDS_ESCAPE.test(id) ? id.replace(/%/g, '%25').replace(/,/g, '%2C') : id);
const unescapeId = (text: string) => (text.includes('%') ? text.replace(/%2C/g, ',').replace(/%25/g, '%') : text);

/** Encodes id → flag as described above. */
export function packFiles(files: Map<string, FileFlag>, withFlag: boolean): string {
	const ids = [...files.keys()].sort();
	if (!withFlag) return ids.map(escapeId).join(',');
	return ids.map((id) => (files.get(id) || 'p') + escapeId(id)).join(',');
}

/** The files remembered from the last complete listing, and how to look one up by its id. */
export interface RememberedFiles {
	/** id → flag; in format 1, key → flag. */
	files: Map<string, FileFlag>;
	/** The flag of a listed file, or undefined when it was not there. */
	lookup(id: string): FileFlag | undefined;
	/** Whether a remembered entry is a real id that `file/info` can be asked about. */
	isAskable(entry: string): boolean;
}

/** Decodes the static data's `files` in either format. */
export function unpackFiles(packed: string, format: unknown, withFlag: boolean): RememberedFiles {
	const files = new Map<string, FileFlag>();
	if (format === STATE_FORMAT) {
		for (const record of packed === '' ? [] : packed.split(',')) {
			const flag = withFlag ? (record[0] as FileFlag) : '';
			files.set(unescapeId(withFlag ? record.slice(1) : record), flag);
		}
		return { files, lookup: (id) => files.get(id), isAskable: () => true };
	}
	const width = LEGACY_KEY_WIDTH + (withFlag ? 1 : 0);
	for (let at = 0; at + width <= packed.length; at += width) {
		files.set(packed.slice(at, at + LEGACY_KEY_WIDTH), withFlag ? (packed[at + LEGACY_KEY_WIDTH] as FileFlag) : '');
	}
	return { files, lookup: (id) => files.get(id) ?? files.get(legacyKey(id)), isAskable: (entry) => LEGACY_PLAIN_ID.test(entry) };
}
