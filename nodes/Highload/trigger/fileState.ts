import { createHash } from 'crypto';

/**
 * The trigger's memory of a watched folder, kept in the node's static data (saved as JSON by n8n).
 *
 * Encoding: one string of fixed-width records, sorted, no separators.
 * - Each file is a 12-character key: its id when the id is 12 lowercase letters/digits (Highload's ids, e.g.
 *   `9fnelnvpql73`), otherwise `~` + the first 11 characters of the base64url SHA-256 of the id (66 bits: a
 *   collision among 100,000 such ids has odds below 10⁻¹⁰). Both kinds are JSON-safe, so a string character
 *   is a byte.
 * - `fileReady` adds one flag character per file: `r` (its conversion is completed) or `p` (not yet).
 * So the state is 12 bytes per watched file for `newFile`, 13 for `fileReady`, plus a few bytes of header.
 * Sorting makes the string the same whatever order the API listed the files in, so an unchanged folder leaves
 * the static data untouched (n8n saves the workflow only when static data changed).
 */
export const KEY_WIDTH = 12;

const PLAIN_ID = /^[a-z0-9]{12}$/;

export type FileFlag = 'r' | 'p' | '';

/** The 12-character key of a file id. */
export function fileKey(id: string): string {
	if (PLAIN_ID.test(id)) return id;
	return `~${createHash('sha256').update(id).digest('base64url').slice(0, KEY_WIDTH - 1)}`;
}

/** Decodes a packed string into key → flag ('' when the records carry no flag). */
export function unpackFiles(packed: string, withFlag: boolean): Map<string, FileFlag> {
	const width = KEY_WIDTH + (withFlag ? 1 : 0);
	const files = new Map<string, FileFlag>();
	for (let at = 0; at + width <= packed.length; at += width) {
		files.set(packed.slice(at, at + KEY_WIDTH), withFlag ? (packed[at + KEY_WIDTH] as FileFlag) : '');
	}
	return files;
}

/** Encodes key → flag as the sorted fixed-width string described above. */
export function packFiles(files: Map<string, FileFlag>, withFlag: boolean): string {
	const keys = [...files.keys()].sort();
	if (!withFlag) return keys.join('');
	return keys.map((key) => key + (files.get(key) || 'p')).join('');
}
