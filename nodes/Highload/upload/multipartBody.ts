import { createHash, randomBytes, type Hash } from 'crypto';
import { NodeOperationError, type INode } from 'n8n-workflow';

/** Where the file's bytes come from: opened only when the request starts reading, and only once. */
export interface FileSource {
	fileName: string;
	mimeType: string;
	/** Exact byte count: it goes into the Content-Length before a byte is read. */
	size: number;
	open(): Promise<AsyncIterable<Uint8Array>>;
}

/** A text field of the form (login, key, folder): field name and value. */
export type FormField = [string, string];

/**
 * WHATWG form encoding of a header parameter (what browsers, undici and curl send): UTF-8 as it is, and only
 * '"', CR and LF escaped, as %22, %0D, %0A.
 */
function quoted(value: string): string {
	return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function headerValue(value: string): string {
	return value.replace(/[\r\n]+/g, ' ');
}

/**
 * A `multipart/form-data` body of text fields and one file part that is streamed, never buffered.
 *
 * It has the shape axios streams without a Node import on our side — a Blob (`size`, `type`, `stream()`,
 * tagged 'Blob'): axios sets `Content-Length` from `size` and pipes `stream()` into the request. The length is
 * known up front (framing + file size), so the request never falls back to chunked encoding.
 *
 * One body is one request: `stream()` may be read once (a retry builds a new body from a new upload URL). The
 * file's sha1 is computed on the way out; the byte count is checked against `size`, so a binary that changed
 * under us fails the upload instead of sending a body that disagrees with its Content-Length.
 */
export class MultipartFileBody {
	readonly size: number;

	readonly type: string;

	/** Milliseconds timestamp of the last byte handed to the request (or of its start). */
	lastActivity = Date.now();

	private readonly preamble: Buffer;

	private readonly epilogue: Buffer;

	/** No hash when nobody compares it (Verify Checksum off): it is most of the CPU an upload costs. */
	private readonly hash?: Hash;

	private digest?: string;

	private used = false;

	/** Why reading the file failed, if it did (the request then fails with it). */
	failure?: NodeOperationError;

	constructor(
		fields: FormField[],
		fileField: string,
		private readonly source: FileSource,
		private readonly node: INode,
		private readonly itemIndex: number,
		withSha1 = true,
	) {
		this.hash = withSha1 ? createHash('sha1') : undefined;
		const boundary = `----HighloadN8nFormBoundary${randomBytes(12).toString('hex')}`;
		const textParts = fields.map(
			([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`,
		);
		const fileHeader =
			`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(fileField)}"; filename="${quoted(source.fileName)}"\r\n` +
			`Content-Type: ${headerValue(source.mimeType)}\r\n\r\n`;
		this.preamble = Buffer.from(textParts.join('') + fileHeader, 'utf8');
		this.epilogue = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
		this.size = this.preamble.length + source.size + this.epilogue.length;
		this.type = `multipart/form-data; boundary=${boundary}`;
	}

	/** axios recognises Blobs by this tag. */
	get [Symbol.toStringTag](): string {
		return 'Blob';
	}

	/** sha1 (hex) of the file bytes sent; only once the whole file went out, and only when asked for. */
	get sha1(): string | undefined {
		return this.digest;
	}

	async *stream(): AsyncGenerator<Uint8Array> {
		if (this.used) throw new Error('This upload body was already sent; a new upload needs a new body');
		this.used = true;
		this.lastActivity = Date.now();
		yield this.preamble;
		try {
			yield* this.fileChunks();
		} catch (error) {
			this.failure = new NodeOperationError(this.node, `Could not read the file to upload: ${(error as Error).message}`, {
				itemIndex: this.itemIndex,
			});
			throw this.failure;
		}
		yield this.epilogue;
		this.lastActivity = Date.now();
	}

	private async *fileChunks(): AsyncGenerator<Uint8Array> {
		let count = 0;
		for await (const chunk of await this.source.open()) {
			count += chunk.length;
			if (count > this.source.size) break;
			this.hash?.update(chunk);
			this.lastActivity = Date.now();
			yield chunk;
			this.lastActivity = Date.now();
		}
		if (count !== this.source.size) {
			throw new Error(`the binary has ${count > this.source.size ? 'more' : 'fewer'} bytes than the ${this.source.size} its metadata announced`);
		}
		this.digest = this.hash?.digest('hex');
	}
}
