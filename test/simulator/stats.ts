import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
	method: string;
	path: string;
	/** 'file/listfolder', 'upload', 'thumb', ... */
	endpoint: string;
	/** Query parameters, plus the urlencoded body's for API POSTs (filled once the body is read). */
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	startedAt: number;
}

export interface UploadRecord {
	token: string;
	fieldName: string;
	fileName: string;
	/** Content-Type of the file part as the client sent it ('' if none). */
	contentType: string;
	size: number;
	/** sha1 of the bytes actually received. */
	sha1: string;
	hadContentLength: boolean;
	chunked: boolean;
	/** Non-file form fields (login, key, folder, ...). */
	fields: Record<string, string>;
	fileId?: string;
	/** Envelope status of the answer; 0 while in progress or when the client went away. */
	status: number;
}

/** What tests observe: every request, every upload, and concurrency. */
export class Stats {
	requests: RecordedRequest[] = [];
	uploads: UploadRecord[] = [];
	inFlight = 0;
	maxConcurrency = 0;

	/** Answers wait here until `count` requests have arrived (holdAnswers): concurrency without a clock. */
	private gate?: { waiting: number; open: Promise<void>; release: () => void };

	begin(record: RecordedRequest): void {
		this.requests.push(record);
		this.inFlight++;
		this.maxConcurrency = Math.max(this.maxConcurrency, this.inFlight);
		if (this.gate && --this.gate.waiting <= 0) {
			this.gate.release();
			this.gate = undefined;
		}
	}

	/** Holds every answer until `count` more requests have arrived (they are then all in flight at once). */
	holdAnswers(count: number): void {
		let release = () => {};
		const open = new Promise<void>((resolve) => (release = resolve));
		this.gate = { waiting: count, open, release };
	}

	/** Resolves when answers may go out. */
	async answersOpen(): Promise<void> {
		await this.gate?.open;
	}

	end(): void {
		this.inFlight--;
	}

	reset(): void {
		this.requests = [];
		this.uploads = [];
		this.maxConcurrency = this.inFlight;
	}

	count(endpoint: string): number {
		return endpoint === '*' ? this.requests.length : this.requests.filter((r) => r.endpoint === endpoint).length;
	}
}
