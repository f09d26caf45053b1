import type { ResolvedOptions } from './options';
import type { Random } from './random';
import type { SimulatorState, StoredFile } from './state';

interface CachedOrder {
	version: number;
	files: StoredFile[];
}

/**
 * Decides the order of a folder's files in file/listfolder. Orders are cached per folder and only
 * rebuilt when the folder's contents change, so paging through 100,000 files stays cheap.
 */
export class FolderListing {
	private readonly sorted = new Map<string, CachedOrder & { order: ResolvedOptions['order'] }>();
	private readonly shuffled = new Map<string, CachedOrder>();

	constructor(
		private readonly state: SimulatorState,
		private readonly rng: Random,
	) {}

	/** A shuffled listing draws a fresh order when page 1 is requested; later pages reuse it. */
	files(folderId: string, options: ResolvedOptions, page: number): StoredFile[] {
		return options.shuffle ? this.shuffledOrder(folderId, page === 1) : this.sortedOrder(folderId, options.order);
	}

	private sortedOrder(folderId: string, order: ResolvedOptions['order']): StoredFile[] {
		const version = this.state.folderVersion(folderId);
		const cached = this.sorted.get(folderId);
		if (cached && cached.version === version && cached.order === order) return cached.files;
		const files = this.state.filesIn(folderId).sort(byUploadTime);
		if (order === 'newestFirst') files.reverse();
		this.sorted.set(folderId, { version, order, files });
		return files;
	}

	private shuffledOrder(folderId: string, fresh: boolean): StoredFile[] {
		const version = this.state.folderVersion(folderId);
		const cached = this.shuffled.get(folderId);
		if (!fresh && cached && cached.version === version) return cached.files;
		const files = !fresh && cached ? this.reconcile(folderId, cached.files) : this.rng.shuffled(this.state.filesIn(folderId));
		this.shuffled.set(folderId, { version, files });
		return files;
	}

	/** The folder changed mid-listing: keep the drawn order for files still there, append newcomers. */
	private reconcile(folderId: string, previous: StoredFile[]): StoredFile[] {
		const present = this.state.filesIn(folderId);
		const presentSet = new Set(present);
		const kept = previous.filter((f) => presentSet.has(f));
		const keptSet = new Set(kept);
		return kept.concat(present.filter((f) => !keptSet.has(f)));
	}
}

function byUploadTime(a: StoredFile, b: StoredFile): number {
	if (a.uploadAt !== b.uploadAt) return a.uploadAt < b.uploadAt ? -1 : 1;
	return a.seq - b.seq;
}
