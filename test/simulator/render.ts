import type { ResolvedOptions } from './options';
import type { Folder, RemoteUpload, SimulatorState, StoredFile } from './state';

/** Public page of a file, as the family builds it. */
export function fileLink(file: Pick<StoredFile, 'id' | 'name'>): string {
	return `https://highload.to/f/${file.id}/${encodeURIComponent(file.name)}`;
}

/**
 * Turns model objects into the API's JSON records, honouring the `numbers` switch:
 * numeric fields (and folder ids) are strings like in the doc, or JSON numbers.
 */
export class Renderer {
	constructor(private readonly options: ResolvedOptions) {}

	num(value: number): number | string {
		return this.options.numbers === 'numbers' ? value : String(value);
	}

	folderId(id: string): number | string {
		return this.options.numbers === 'numbers' ? Number(id) : id;
	}

	folder(folder: Folder): Record<string, unknown> {
		return { id: this.folderId(folder.id), name: folder.name };
	}

	/** A file record as file/listfolder shows it (doc key order). */
	listedFile(file: StoredFile): Record<string, unknown> {
		return {
			name: file.name,
			sha1: file.sha1,
			folderid: this.folderId(file.folderId),
			upload_at: file.uploadAt,
			status: file.status,
			size: this.num(file.size),
			content_type: file.contentType,
			download_count: this.num(file.downloadCount),
			cstatus: file.cstatus,
			link: fileLink(file),
			id: file.id,
		};
	}

	/** A file record as file/info shows it: the doc's fields first, per-file status 200, then the listing fields. */
	fileInfo(file: StoredFile): Record<string, unknown> {
		const listed = this.listedFile(file);
		delete listed.status; // 'active' would clash with the per-file status code
		return {
			id: file.id,
			status: 200,
			name: file.name,
			size: this.num(file.size),
			folder: this.folderId(file.folderId),
			sha1: file.sha1,
			content_type: file.contentType,
			...listed,
		};
	}

	remoteUpload(upload: RemoteUpload, state: SimulatorState): Record<string, unknown> {
		const record: Record<string, unknown> = {
			id: upload.id,
			remoteurl: upload.remoteUrl,
			status: upload.status,
			bytes_loaded: upload.bytesLoaded === null ? null : this.num(upload.bytesLoaded),
			bytes_total: this.num(upload.bytesTotal),
			folderid: this.folderId(upload.folderId),
			added: upload.added,
			started: upload.started,
			finished: upload.finished,
		};
		const file = upload.fileId === undefined ? undefined : state.files.get(upload.fileId);
		if (upload.status === 'finished' && upload.fileId !== undefined) {
			record.linkid = upload.fileId;
			record.url = file ? fileLink(file) : `https://highload.to/f/${upload.fileId}`;
		}
		return record;
	}

	runningConvert(file: StoredFile): Record<string, unknown> {
		return { name: file.name, id: file.id, status: file.cstatus, last_update: file.lastUpdate, link: fileLink(file) };
	}
}
