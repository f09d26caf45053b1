/**
 * The one folder path format: every path the package shows or outputs (List's `path`, From List names, `folderPath`,
 * `parentFolderPath`, trigger items' `path`) is written by `formatFolderPath`, and By Path reads it back with
 * `parseFolderPath` to the same names, whatever they hold.
 *
 * `/` separates folder names. Inside a name, `\/` is a slash, `\\` a backslash, and a backslash before a whitespace
 * character keeps that character (the formatter writes it for whitespace that starts or ends a name). Unescaped
 * whitespace at the start and end of the whole path is ignored, and so are leading, trailing and repeated slashes
 * (`/videos/` is `videos`). Any other backslash is itself. `.` and `..` are names like any other.
 */

const WHITESPACE = /\s/;

const isWhitespace = (char: string) => WHITESPACE.test(char);

/** A name in path form: `\` and `/` escaped, and whitespace at either end of the name. */
function escapeName(name: string): string {
	let lead = 0;
	while (lead < name.length && isWhitespace(name[lead])) lead++;
	let trail = name.length;
	while (trail > lead && isWhitespace(name[trail - 1])) trail--;
	let out = '';
	for (let at = 0; at < name.length; at++) {
		const char = name[at];
		const escaped = char === '\\' || char === '/' || at < lead || at >= trail;
		out += escaped ? `\\${char}` : char;
	}
	return out;
}

/** Folder names as a path, `''` for the root (or the folder a relative path starts from). */
export function formatFolderPath(names: readonly string[]): string {
	return names.map(escapeName).join('/');
}

/** The path of folder `name` inside the folder at `parentPath` (a path in this format). */
export function childFolderPath(parentPath: string, name: string): string {
	return parentPath === '' ? escapeName(name) : `${parentPath}/${escapeName(name)}`;
}

/** The folder names of a path written in this format (or typed by a user). */
export function parseFolderPath(text: string): string[] {
	const chars: Array<{ char: string; literal: boolean }> = [];
	for (let at = 0; at < text.length; at++) {
		const char = text[at];
		const next = text[at + 1];
		if (char === '\\' && next !== undefined && (next === '/' || next === '\\' || isWhitespace(next))) {
			chars.push({ char: next, literal: true });
			at++;
		} else {
			chars.push({ char, literal: false });
		}
	}
	const blank = (at: number) => !chars[at].literal && isWhitespace(chars[at].char);
	let first = 0;
	let end = chars.length;
	while (first < end && blank(first)) first++;
	while (end > first && blank(end - 1)) end--;

	const names: string[] = [];
	let name = '';
	for (let at = first; at < end; at++) {
		const { char, literal } = chars[at];
		if (!literal && char === '/') {
			if (name !== '') names.push(name);
			name = '';
		} else {
			name += char;
		}
	}
	if (name !== '') names.push(name);
	return names;
}
