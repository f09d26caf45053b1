import { ApiError } from './envelope';
import type { ResolvedOptions } from './options';
import { ROOT_FOLDER_ID, type Folder, type SimulatorState, type StoredFile } from './state';

/** Request parameters (query and/or form body, already decoded once) with validation helpers. */
export class Params {
	constructor(
		readonly values: Record<string, string>,
		private readonly state: SimulatorState,
	) {}

	/** The value, or undefined when absent or empty. */
	get(name: string): string | undefined {
		const value = this.values[name];
		return value === undefined || value === '' ? undefined : value;
	}

	require(name: string): string {
		const value = this.get(name);
		if (value === undefined) throw new ApiError(400, `Missing parameter: ${name}`);
		return value;
	}

	/** A positive integer, or `fallback` when absent or not positive. */
	positiveInt(name: string, fallback: number): number {
		const raw = this.get(name);
		if (raw === undefined) return fallback;
		if (!/^-?\d+$/.test(raw)) throw new ApiError(400, `Invalid parameter: ${name}`);
		const value = Number(raw);
		return value > 0 ? value : fallback;
	}

	/** Comma-separated ids ("a,b,c"), trimmed, without empties or repeats. */
	list(name: string): string[] {
		const ids = this.require(name)
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		return [...new Set(ids)];
	}

	folder(name: string): Folder {
		return this.lookupFolder(this.require(name));
	}

	/** The named folder, or the root folder when the parameter is absent or empty. */
	folderOrRoot(name: string): Folder {
		return this.lookupFolder(this.get(name) ?? ROOT_FOLDER_ID);
	}

	/** The named folder, or undefined when the parameter is absent or empty. */
	optionalFolder(name: string): Folder | undefined {
		const raw = this.get(name);
		return raw === undefined ? undefined : this.lookupFolder(raw);
	}

	file(name: string): StoredFile {
		const file = this.state.files.get(this.require(name));
		if (!file) throw new ApiError(404, 'File not found');
		return file;
	}

	private lookupFolder(raw: string): Folder {
		if (!/^\d+$/.test(raw)) throw new ApiError(400, `Invalid folder id: ${raw}`);
		const folder = this.state.folders.get(raw);
		if (!folder) throw new ApiError(404, 'Folder not found');
		return folder;
	}
}

/** Every endpoint needs the API login and key. */
export function checkCredentials(params: Params, options: ResolvedOptions): void {
	if (params.get('login') !== options.login || params.get('key') !== options.key) {
		throw new ApiError(403, 'Permission denied: wrong login or key');
	}
}
