/**
 * How a file event remembers a watched folder (kept by staticData.ts): one string, the sorted file ids joined by
 * commas. `fileReady` puts one flag character before each id: `r` (its conversion is completed) or `p` (not yet).
 * Ids are kept whole, whatever their form (`9fnelnvpql73`, the API document's `Vxj4mjsK4PX`, longer ones), so the
 * trigger can ask `file/info` about any file missing from a listing; a `%` or `,` inside an id is written as `%25` /
 * `%2C`.
 *
 * Cost: id length + 1 byte per file (+1 for `fileReady`). Sorting makes the string the same whatever order the API
 * listed the files in, so an unchanged folder leaves the static data untouched (n8n saves only changed static data).
 */
export type FileFlag = 'r' | 'p' | '';

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

/** Decodes what packFiles wrote: id → flag. */
export function unpackFiles(packed: string, withFlag: boolean): Map<string, FileFlag> {
	const files = new Map<string, FileFlag>();
	for (const record of packed === '' ? [] : packed.split(',')) {
		const flag = withFlag ? (record[0] as FileFlag) : '';
		files.set(unescapeId(withFlag ? record.slice(1) : record), flag);
	}
	return files;
}
