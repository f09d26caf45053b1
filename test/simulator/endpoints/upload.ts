import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { drain } from '../body';
import type { SimulatorCore } from '../core';
import { ApiError, type Envelope, errorEnvelope, okEnvelope } from '../envelope';
import { guessContentType } from '../mime';
import { discardSink, feedMultipart, MultipartError, MultipartParser, multipartBoundary, type PartHeaders, type PartSink, textFieldSink } from '../multipart';
import { checkCredentials, Params } from '../params';
import { fileLink, Renderer } from '../render';
import type { Folder } from '../state';
import type { UploadRecord } from '../stats';
import { formatTime } from '../time';
import type { EndpointTable } from './types';

export const UPLOAD_PATH_PREFIX = '/uls/';

export const uploadUrlEndpoints: EndpointTable = {
	/** An upload URL for one POST. sha256/httponly (family extras) are accepted and ignored. */
	'file/ul': ({ core, params }) => {
		const folder = params.folderOrRoot('folder');
		const token = core.state.createUploadToken(folder.id, core.options.uploadUrlTtlMs);
		return { url: `${core.fileServerUrl}${UPLOAD_PATH_PREFIX}${token.token}`, valid_until: formatTime(new Date(token.expiresAt)) };
	},
};

interface ReceivedFile {
	fieldName: string;
	fileName: string;
	contentType: string;
	size: number;
	sha1: string;
}

/**
 * The upload server: POST /uls/<token>, multipart/form-data, file part streamed through sha1 and
 * never buffered. Returns the envelope to answer with; the upload is recorded in stats.uploads.
 */
export async function receiveUpload(core: SimulatorCore, req: IncomingMessage, token: string, query: Record<string, string>): Promise<Envelope> {
	const record: UploadRecord = {
		token,
		fieldName: '',
		fileName: '',
		contentType: '',
		size: 0,
		sha1: '',
		hadContentLength: req.headers['content-length'] !== undefined,
		chunked: /\bchunked\b/i.test(req.headers['transfer-encoding'] ?? ''),
		fields: {},
		status: 0,
	};
	core.stats.uploads.push(record);
	try {
		const envelope = okEnvelope(await storeUpload(core, req, record, query));
		record.status = envelope.status;
		return envelope;
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		record.status = error.status;
		return errorEnvelope(error.status, error.message);
	}
}

async function storeUpload(core: SimulatorCore, req: IncomingMessage, record: UploadRecord, query: Record<string, string>): Promise<unknown> {
	// The token is used up as soon as a POST reaches the upload server, whatever happens next.
	const token = core.state.consumeUploadToken(record.token);
	const boundary = multipartBoundary(req.headers['content-type']);
	if (!token || boundary === undefined) {
		await drain(req);
		if (!token) throw new ApiError(403, 'Upload URL expired or already used');
		throw new ApiError(400, 'Expected a multipart/form-data body');
	}

	const received = await parseUploadBody(req, boundary, record);
	const params = new Params({ ...query, ...record.fields }, core.state);
	checkCredentials(params, core.options);
	if (!received) throw new ApiError(400, 'Missing parameter: file');
	const folder = params.optionalFolder('folder') ?? tokenFolder(core, token.folderId);

	const sha1 = core.options.corruptUploads ? corruptSha1(received.sha1) : received.sha1;
	const contentType = !received.contentType || /octet-stream/i.test(received.contentType) ? guessContentType(received.fileName) : received.contentType;
	const file = core.state.addFile({ name: received.fileName, folderId: folder.id, size: received.size, sha1, contentType, cstatus: 'pending' });
	record.fileId = file.id;

	const render = new Renderer(core.options);
	return {
		...(core.options.uploadResultIdField ? { id: file.id } : {}),
		name: file.name,
		size: render.num(file.size),
		sha1: file.sha1,
		folderid: render.folderId(file.folderId),
		content_type: file.contentType,
		url: fileLink(file),
	};
}

/** Streams the body: the first part with a file name is hashed and counted, text parts become fields. */
async function parseUploadBody(req: IncomingMessage, boundary: string, record: UploadRecord): Promise<ReceivedFile | undefined> {
	let received: ReceivedFile | undefined;
	const onPart = (part: PartHeaders): PartSink => {
		if (part.filename === undefined) return textFieldSink((value) => (record.fields[part.name] = value));
		if (part.filename === '' || received) return discardSink; // browsers send filename="" for "no file"
		const file: ReceivedFile = { fieldName: part.name, fileName: part.filename, contentType: part.contentType ?? '', size: 0, sha1: '' };
		Object.assign(record, { fieldName: file.fieldName, fileName: file.fileName, contentType: file.contentType });
		received = file;
		return hashingSink(file, record);
	};
	try {
		await feedMultipart(req, new MultipartParser(boundary, onPart));
	} catch (error) {
		if (error instanceof MultipartError) throw new ApiError(400, `Malformed multipart body: ${error.message}`);
		throw error;
	}
	return received;
}

function hashingSink(file: ReceivedFile, record: UploadRecord): PartSink {
	const hash = createHash('sha1');
	return {
		data(chunk) {
			hash.update(chunk);
			file.size += chunk.length;
			record.size = file.size; // visible to tests while the upload is running
		},
		end() {
			file.sha1 = record.sha1 = hash.digest('hex');
		},
	};
}

function tokenFolder(core: SimulatorCore, folderId: string): Folder {
	const folder = core.state.folders.get(folderId);
	if (!folder) throw new ApiError(404, 'Folder not found'); // deleted after the URL was handed out
	return folder;
}

function corruptSha1(sha1: string): string {
	return createHash('sha1').update(`corrupted:${sha1}`).digest('hex');
}
