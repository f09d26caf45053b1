/**
 * What the ids and links a user gives look like, and their one canonical form. Pure functions: the checks before
 * any request (valueRules.ts) and the trigger use them.
 */

export const ROOT_FOLDER_ID = '0';

/** What to do about a value that is no folder id (the node's checks and the trigger say the same). */
export const FOLDER_ID_HINT = 'A folder ID is a whole number, like 4567: pick the folder from the list or copy its ID.';

/** File and remote-upload ids are letters and digits (`9fnelnvpql73`, the API document's `Vxj4mjsK4PX`). */
const FILE_ID = /^[A-Za-z0-9]+$/;

/** A Highload file link: `https://highload.to/f/<id>/<name>` (or `/e/<id>` for the embed link). */
export const FILE_URL_REGEX = '^https?://(?:www\\.)?highload\\.to/(?:f|e)/([A-Za-z0-9]+)(?:[/?#].*)?$';

export function isFileId(value: string): boolean {
	return FILE_ID.test(value);
}

/**
 * A folder id in its canonical decimal form (`007` → `7`, ` 0 `, `+0`, `000` → `0`), or undefined when it is not
 * a decimal number (`0x0`, `1e3`, `-1`, `videos`). An API that reads ids as integers treats `00` as the root
 * folder, so ids are compared and sent only in this form.
 */
export function canonicalFolderId(value: unknown): string | undefined {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : String(value ?? '').trim();
	const match = /^\+?(\d+)$/.exec(text);
	if (!match) return undefined;
	return match[1].replace(/^0+(?=\d)/, '');
}

function hasControlCharacter(value: string): boolean {
	for (let at = 0; at < value.length; at++) {
		const code = value.charCodeAt(at);
		if (code < 0x20 || code === 0x7f) return true;
	}
	return false;
}

/**
 * Whether a remote-upload link can be a web address: http(s) scheme, a host, no control characters. Anything a
 * browser accepts beyond that (spaces, unicode, odd query strings) is Highload's to fetch, and sent as given.
 */
export function isWebAddress(value: string): boolean {
	if (hasControlCharacter(value)) return false;
	return /^https?:\/\/[^/?#\s@]*@?[^/?#\s@:]+(:\d+)?([/?#]|$)/i.test(value);
}
