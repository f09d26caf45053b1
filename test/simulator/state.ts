import { createHash } from 'node:crypto';
import { guessContentType } from './mime';
import type { Random } from './random';
import type { RemoteStep } from './options';
import { formatTime, NOT_YET } from './time';

export const ROOT_FOLDER_ID = '0';

export interface Folder {
	id: string; // numeric string
	name: string;
	parentId: string; // '' for the root folder
}

export interface StoredFile {
	id: string;
	name: string;
	folderId: string;
	size: number;
	sha1: string;
	contentType: string;
	downloadCount: number;
	cstatus: string; // conversion status: 'pending', 'Completed', ...
	status: string; // 'active'
	uploadAt: string;
	lastUpdate: string; // conversion's last update (file/runningconverts)
	seq: number; // insertion order, tie-breaker for equal upload_at
}

export interface FileInit {
	name: string;
	folderId?: string;
	size?: number;
	sha1?: string;
	contentType?: string;
	downloadCount?: number;
	cstatus?: string;
	uploadAt?: string;
	id?: string;
}

export type RemoteStatus = 'pending' | RemoteStep;

export interface RemoteUpload {
	id: string;
	remoteUrl: string;
	status: RemoteStatus;
	bytesLoaded: number | null; // null while pending
	bytesTotal: number;
	folderId: string;
	added: string;
	started: string;
	finished: string;
	fileId?: string; // the stored file, once finished
	scriptStep: number; // position in options.autoAdvanceRemote
}

export interface UploadToken {
	token: string;
	folderId: string;
	expiresAt: number;
	used: boolean;
}

const DEFAULT_REMOTE_SIZE = 104857600;

/** The in-memory account: folders, files, remote uploads and upload URLs. */
export class SimulatorState {
	readonly folders = new Map<string, Folder>();
	readonly files = new Map<string, StoredFile>();
	readonly remoteUploads = new Map<string, RemoteUpload>();
	readonly uploadTokens = new Map<string, UploadToken>();

	// Files indexed by folder (insertion order), and a version per folder so listings can cache their order.
	private readonly byFolder = new Map<string, Map<string, StoredFile>>();
	private readonly versions = new Map<string, number>();
	private nextFolderId = 1001;
	private nextSeq = 0;

	constructor(readonly rng: Random) {
		this.folders.set(ROOT_FOLDER_ID, { id: ROOT_FOLDER_ID, name: '', parentId: '' });
	}

	// ---- folders ----

	addFolder(name: string, parentId: string = ROOT_FOLDER_ID): Folder {
		this.mustGetFolder(parentId);
		const folder: Folder = { id: String(this.nextFolderId++), name, parentId };
		this.folders.set(folder.id, folder);
		return folder;
	}

	renameFolder(id: string, name: string): void {
		this.mustGetFolder(id).name = name;
	}

	childFolders(parentId: string): Folder[] {
		return [...this.folders.values()].filter((f) => f.parentId === parentId && f.id !== ROOT_FOLDER_ID);
	}

	/** Deletes a folder with all its subfolders and files. */
	deleteFolder(id: string): void {
		if (id === ROOT_FOLDER_ID) throw new Error('Cannot delete the root folder');
		this.mustGetFolder(id);
		for (const child of this.childFolders(id)) this.deleteFolder(child.id);
		for (const file of [...this.filesMap(id).values()]) this.deleteFile(file.id);
		this.byFolder.delete(id);
		this.versions.delete(id);
		this.folders.delete(id);
	}

	// ---- files ----

	addFile(init: FileInit): StoredFile {
		const folderId = init.folderId ?? ROOT_FOLDER_ID;
		this.mustGetFolder(folderId);
		if (init.id !== undefined && this.files.has(init.id)) throw new Error(`File id already exists: ${init.id}`);
		const uploadAt = init.uploadAt ?? formatTime();
		const file: StoredFile = {
			id: init.id ?? this.newId(this.files),
			name: init.name,
			folderId,
			size: init.size ?? 0,
			sha1: init.sha1 ?? createHash('sha1').update(init.name).digest('hex'),
			contentType: init.contentType ?? guessContentType(init.name),
			downloadCount: init.downloadCount ?? 0,
			cstatus: init.cstatus ?? 'Completed',
			status: 'active',
			uploadAt,
			lastUpdate: uploadAt,
			seq: this.nextSeq++,
		};
		this.files.set(file.id, file);
		this.index(file);
		return file;
	}

	/** Bulk seeding; kept cheap (no hashing) so 100,000 files take well under a second. */
	addFiles(count: number, folderId: string = ROOT_FOLDER_ID): StoredFile[] {
		const uploadAt = formatTime();
		const width = `${count}`.length;
		const out: StoredFile[] = [];
		for (let i = 1; i <= count; i++) {
			out.push(
				this.addFile({
					name: `file-${`${i}`.padStart(width, '0')}.mp4`,
					folderId,
					size: 1048576 + i,
					sha1: this.rng.hex(40),
					contentType: 'video/mp4',
					uploadAt,
				}),
			);
		}
		return out;
	}

	renameFile(id: string, name: string): void {
		this.mustGetFile(id).name = name;
	}

	moveFile(id: string, folderId: string): void {
		const file = this.mustGetFile(id);
		this.mustGetFolder(folderId);
		this.unindex(file);
		file.folderId = folderId;
		this.index(file);
	}

	deleteFile(id: string): void {
		const file = this.mustGetFile(id);
		this.unindex(file);
		this.files.delete(id);
	}

	finishConversion(fileId: string): void {
		const file = this.mustGetFile(fileId);
		file.cstatus = 'Completed';
		file.lastUpdate = formatTime();
	}

	/** Files of one folder in insertion order. */
	filesIn(folderId: string): StoredFile[] {
		return [...this.filesMap(folderId).values()];
	}

	/** Changes whenever the set of files in the folder changes. */
	folderVersion(folderId: string): number {
		return this.versions.get(folderId) ?? 0;
	}

	// ---- remote uploads ----

	addRemoteUpload(url: string, folderId: string = ROOT_FOLDER_ID): RemoteUpload {
		this.mustGetFolder(folderId);
		const upload: RemoteUpload = {
			id: this.newId(this.remoteUploads),
			remoteUrl: url,
			status: 'pending',
			bytesLoaded: null,
			bytesTotal: 0,
			folderId,
			added: formatTime(),
			started: NOT_YET,
			finished: NOT_YET,
			scriptStep: 0,
		};
		this.remoteUploads.set(upload.id, upload);
		return upload;
	}

	advanceRemoteUpload(id: string, to: RemoteStep, opts: { bytesLoaded?: number; bytesTotal?: number } = {}): void {
		const upload = this.remoteUploads.get(id);
		if (!upload) throw new Error(`Unknown remote upload: ${id}`);
		if (upload.status === 'finished') return; // a finished upload stays finished
		if (upload.started === NOT_YET) upload.started = formatTime();
		const total = opts.bytesTotal ?? (upload.bytesTotal > 0 ? upload.bytesTotal : DEFAULT_REMOTE_SIZE);
		upload.bytesTotal = total;
		upload.status = to;
		if (to === 'downloading') {
			upload.bytesLoaded = opts.bytesLoaded ?? Math.min(total, (upload.bytesLoaded ?? 0) + Math.floor(total / 4));
		} else if (to === 'error') {
			upload.bytesLoaded = opts.bytesLoaded ?? upload.bytesLoaded ?? 0;
		} else {
			upload.bytesLoaded = total;
			upload.finished = formatTime();
			const folderId = this.folders.has(upload.folderId) ? upload.folderId : ROOT_FOLDER_ID;
			const name = remoteFileName(upload.remoteUrl);
			upload.fileId = this.addFile({ name, folderId, size: total, sha1: this.rng.hex(40), cstatus: 'pending' }).id;
		}
	}

	/** Every failed remote upload goes back to pending. */
	restartFailedRemoteUploads(): void {
		for (const upload of this.remoteUploads.values()) {
			if (upload.status !== 'error') continue;
			Object.assign(upload, { status: 'pending', bytesLoaded: null, bytesTotal: 0, started: NOT_YET, finished: NOT_YET });
		}
	}

	// ---- upload URLs ----

	createUploadToken(folderId: string, ttlMs: number): UploadToken {
		let token: string;
		do token = this.rng.hex(13);
		while (this.uploadTokens.has(token));
		const entry: UploadToken = { token, folderId, expiresAt: Date.now() + ttlMs, used: false };
		this.uploadTokens.set(token, entry);
		return entry;
	}

	/** Marks the token used; returns it only if it was valid (known, unused, unexpired). */
	consumeUploadToken(token: string): UploadToken | undefined {
		const entry = this.uploadTokens.get(token);
		if (!entry || entry.used || entry.expiresAt < Date.now()) return undefined;
		entry.used = true;
		return entry;
	}

	// ---- helpers ----

	private mustGetFolder(id: string): Folder {
		const folder = this.folders.get(id);
		if (!folder) throw new Error(`Unknown folder: ${id}`);
		return folder;
	}

	private mustGetFile(id: string): StoredFile {
		const file = this.files.get(id);
		if (!file) throw new Error(`Unknown file: ${id}`);
		return file;
	}

	private filesMap(folderId: string): Map<string, StoredFile> {
		let map = this.byFolder.get(folderId);
		if (!map) this.byFolder.set(folderId, (map = new Map()));
		return map;
	}

	private index(file: StoredFile): void {
		this.filesMap(file.folderId).set(file.id, file);
		this.bump(file.folderId);
	}

	private unindex(file: StoredFile): void {
		this.filesMap(file.folderId).delete(file.id);
		this.bump(file.folderId);
	}

	private bump(folderId: string): void {
		this.versions.set(folderId, this.folderVersion(folderId) + 1);
	}

	/** 12 lowercase alphanumerics, like the family's file ids. */
	private newId(taken: Map<string, unknown>): string {
		let id: string;
		do id = this.rng.base36(12);
		while (taken.has(id));
		return id;
	}
}

function remoteFileName(url: string): string {
	try {
		const last = new URL(url).pathname.split('/').pop() ?? '';
		return decodeURIComponent(last) || 'remote-download';
	} catch {
		return 'remote-download';
	}
}
