/**
 * Streaming multipart/form-data parser. Part bodies are handed out in slices as they arrive and are
 * never buffered, so gigabyte uploads pass through in constant memory. Delimiters split across
 * chunks are handled by holding back the last (delimiter length - 1) bytes of each chunk.
 */

export interface PartHeaders {
	/** Form field name. */
	name: string;
	/** File name when the part is a file (Content-Disposition filename / filename*). */
	filename?: string;
	contentType?: string;
}

export interface PartSink {
	data(chunk: Buffer): void;
	end(): void;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;
const EMPTY = Buffer.alloc(0);

type ParserState = 'preamble' | 'afterDelimiter' | 'headers' | 'body' | 'done';

export class MultipartParser {
	// A virtual CRLF in front makes the first "--boundary" look like every later "\r\n--boundary".
	private buf: Buffer = CRLF;
	private state: ParserState = 'preamble';
	private sink?: PartSink;
	private readonly delimiter: Buffer;

	constructor(
		boundary: string,
		private readonly onPart: (headers: PartHeaders) => PartSink,
	) {
		this.delimiter = Buffer.from(`\r\n--${boundary}`, 'latin1');
	}

	get finished(): boolean {
		return this.state === 'done';
	}

	write(chunk: Buffer): void {
		if (this.finished) return; // epilogue is ignored
		this.buf = this.buf.length > 0 ? Buffer.concat([this.buf, chunk]) : chunk;
		while (!this.finished && this.step());
		if (this.finished) this.buf = EMPTY;
	}

	end(): void {
		if (!this.finished) throw new MultipartError('Multipart body ended before the closing boundary');
	}

	/** Processes as much of the buffer as possible in the current state; false when more input is needed. */
	private step(): boolean {
		switch (this.state) {
			case 'preamble':
				return this.findFirstDelimiter();
			case 'afterDelimiter':
				return this.readDelimiterTail();
			case 'headers':
				return this.readHeaders();
			case 'body':
				return this.readBody();
			default:
				return false;
		}
	}

	private findFirstDelimiter(): boolean {
		const at = this.buf.indexOf(this.delimiter);
		if (at < 0) {
			this.holdBackTail();
			return false;
		}
		this.buf = this.buf.subarray(at + this.delimiter.length);
		this.state = 'afterDelimiter';
		return true;
	}

	/** After a delimiter: "--" closes the body; otherwise (optional padding) CRLF starts a part. */
	private readDelimiterTail(): boolean {
		if (this.buf.length < 2) return false;
		if (this.buf[0] === 0x2d && this.buf[1] === 0x2d) {
			this.state = 'done';
			return false;
		}
		const eol = this.buf.indexOf(CRLF);
		if (eol < 0) {
			if (this.buf.length > 256) throw new MultipartError('Malformed boundary line');
			return false;
		}
		this.buf = this.buf.subarray(eol + 2);
		this.state = 'headers';
		return true;
	}

	private readHeaders(): boolean {
		let block = '';
		let consumed = 2; // a part without headers starts directly with the blank line
		if (!this.buf.subarray(0, 2).equals(CRLF)) {
			const end = this.buf.indexOf(HEADER_END);
			if (end < 0) {
				if (this.buf.length > MAX_HEADER_BYTES) throw new MultipartError('Part headers too large');
				return false;
			}
			block = this.buf.subarray(0, end).toString('utf8');
			consumed = end + HEADER_END.length;
		}
		this.buf = this.buf.subarray(consumed);
		this.sink = this.onPart(parsePartHeaders(block));
		this.state = 'body';
		return true;
	}

	private readBody(): boolean {
		const sink = this.sink as PartSink;
		const at = this.buf.indexOf(this.delimiter);
		if (at < 0) {
			const safe = this.buf.length - (this.delimiter.length - 1);
			if (safe > 0) {
				sink.data(this.buf.subarray(0, safe));
				this.buf = this.buf.subarray(safe);
			}
			return false;
		}
		if (at > 0) sink.data(this.buf.subarray(0, at));
		sink.end();
		this.sink = undefined;
		this.buf = this.buf.subarray(at + this.delimiter.length);
		this.state = 'afterDelimiter';
		return true;
	}

	private holdBackTail(): void {
		const keep = this.delimiter.length - 1;
		if (this.buf.length > keep) this.buf = this.buf.subarray(this.buf.length - keep);
	}
}

/** The boundary of a multipart/form-data Content-Type, or undefined. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : undefined;
}

function parsePartHeaders(block: string): PartHeaders {
	const headers: PartHeaders = { name: '' };
	for (const line of block.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const key = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		if (key === 'content-type') headers.contentType = value;
		if (key === 'content-disposition') {
			const params = dispositionParams(value);
			headers.name = params.name ?? '';
			const filename = params['filename*'] !== undefined ? decodeExtValue(params['filename*']) : params.filename;
			if (filename !== undefined) headers.filename = filename;
		}
	}
	return headers;
}

/**
 * Parameters of `form-data; name="x"; filename="y"`. Backslashes are ordinary characters: WHATWG
 * clients (browsers, undici) and the form-data package send them raw, and instead escape '"', CR
 * and LF as %22, %0D, %0A. Only those three sequences are decoded, so a literal '%' survives.
 */
function dispositionParams(value: string): Record<string, string> {
	const params: Record<string, string> = {};
	const re = /;\s*([^=;\s]+)\s*=\s*(?:"([^"]*)"|([^;]*))/g;
	for (let m = re.exec(value); m; m = re.exec(value)) {
		params[m[1].toLowerCase()] = m[2] !== undefined ? unescapeQuoted(m[2]) : m[3].trim();
	}
	return params;
}

function unescapeQuoted(quoted: string): string {
	return quoted.replace(/%22/gi, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

/** RFC 5987 ext-value: UTF-8''percent-encoded. */
function decodeExtValue(value: string): string {
	const match = /^([^']*)'[^']*'(.*)$/.exec(value);
	if (!match) return value;
	try {
		return decodeURIComponent(match[2]);
	} catch {
		return match[2];
	}
}

/** A sink that collects a text field (UTF-8), ignoring anything beyond maxBytes. */
export function textFieldSink(onValue: (value: string) => void, maxBytes = 64 * 1024): PartSink {
	const chunks: Buffer[] = [];
	let size = 0;
	return {
		data(chunk) {
			if (size >= maxBytes) return;
			chunks.push(chunk.subarray(0, maxBytes - size));
			size += chunk.length;
		},
		end() {
			onValue(Buffer.concat(chunks).toString('utf8'));
		},
	};
}

/** A sink that throws everything away. */
export const discardSink: PartSink = { data() {}, end() {} };

/**
 * Feeds a whole stream through the parser. A malformed body is still read to its end (so the client
 * can finish sending and read the answer) before the MultipartError is thrown.
 */
export async function feedMultipart(source: AsyncIterable<Buffer>, parser: MultipartParser): Promise<void> {
	let failure: unknown;
	for await (const chunk of source) {
		if (failure !== undefined) continue;
		try {
			parser.write(chunk);
		} catch (error) {
			if (!(error instanceof MultipartError)) throw error;
			failure = error;
		}
	}
	if (failure === undefined) parser.end();
	else throw failure;
}
