import { canonicalFolderId, FOLDER_ID_HINT, isFileId, isWebAddress, ROOT_FOLDER_ID } from './ids';
import type { FieldRule, Kind } from './fieldRule';

/**
 * The rules a value must pass before it is sent: pure checks, no request (resolving a folder path is
 * execution/itemQuery.ts's job).
 */

/** Why a value is not sent: the message (after the field's display name) and what to do. */
export interface Refusal {
	refused: string;
	hint: string;
}

/** The value to send (undefined: leave the parameter out), or why not. */
export type Checked = { value: string | undefined } | Refusal;

const RULES: Record<Kind, { empty: string; malformed: string }> = {
	fileId: {
		empty: 'enter a file',
		malformed: 'A file ID is letters and digits, like 9fnelnvpql73 (or pick "By URL" and paste the file link).',
	},
	folderId: {
		empty: 'enter a folder',
		malformed: FOLDER_ID_HINT,
	},
	remoteUploadId: {
		empty: 'enter a remote upload ID',
		malformed: 'A remote upload ID is letters and digits, like 8ykqg0nkqxoh (the id that Remote Upload → Add returned).',
	},
	url: {
		empty: 'enter the link to fetch',
		malformed: 'Give a full http:// or https:// link to the file Highload should fetch.',
	},
	text: { empty: 'enter a value', malformed: '' },
};

const EMPTY_HINT = 'Fill in the field, or check the expression that fills it: it came out empty for this item.';

/** An empty value: refused when the field is required, otherwise left out (never an empty parameter). */
export function checkEmpty(rule: FieldRule): Checked {
	return rule.required ? { refused: RULES[rule.kind].empty, hint: EMPTY_HINT } : { value: undefined };
}

/** The root folder named for an operation that never acts on it. */
export function rootRefusal(rule: FieldRule, spelled: string): Refusal | undefined {
	return rule.refuseRoot ? { refused: `${spelled} the root folder, which this operation never acts on`, hint: rule.refuseRoot } : undefined;
}

/** A value as typed, checked and put in its canonical form. */
export function checkValue(rule: FieldRule, raw: unknown): Checked {
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	const { malformed } = RULES[rule.kind];
	if (value === '') return checkEmpty(rule);
	switch (rule.kind) {
		case 'folderId': {
			const id = canonicalFolderId(raw);
			if (id === undefined) return { refused: `"${value}" is not a folder ID`, hint: malformed };
			return (id === ROOT_FOLDER_ID && rootRefusal(rule, 'is')) || { value: id };
		}
		case 'fileId':
		case 'remoteUploadId':
			if (!isFileId(value)) return { refused: `"${value}" is not valid`, hint: malformed };
			// The API reads id=all as "every upload": that is the Remove All operation, never an id field.
			if (rule.kind === 'remoteUploadId' && value.toLowerCase() === 'all') {
				return { refused: '"all" is not an upload ID; use the Remove All operation to remove every upload', hint: malformed };
			}
			return { value };
		case 'url':
			return isWebAddress(value) ? { value } : { refused: `"${value}" is not valid`, hint: malformed };
		default:
			return { value: String(raw) };
	}
}
