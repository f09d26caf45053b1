import { NodeApiError, type DeclarativeRestApiSettings, type IDataObject, type IExecutePaginationFunctions, type INodeExecutionData } from 'n8n-workflow';

import { userFacingApiError } from '../../shared/apiErrors';
import { throughGate } from '../../shared/concurrency';
import { defineOperation } from '../../shared/operation';
import { records } from '../../shared/output';
import { folderIdParameter, optionsCollection } from '../../shared/parameters';
import { requestLimits, retryOnBandwidthExceeded, sendLimited } from '../../shared/transport';
import { binaryFileSource } from '../../shared/upload/binarySource';
import { postUpload, uploadBody, uploadedFileId } from '../../shared/upload/send';

/** What RoutingNode waits for an answer when the user set no Timeout; for uploads, the longest silence allowed. */
const DEFAULT_IDLE_TIMEOUT_MS = 300_000;

type RequestData = DeclarativeRestApiSettings.ResultOptions;

function apiRequest(requestData: RequestData, endpoint: string, qs: IDataObject): RequestData {
	return { ...requestData, options: { ...requestData.options, method: 'GET', url: `/${endpoint}`, qs } };
}

function failure(context: IExecutePaginationFunctions, message: string, description: string) {
	return userFacingApiError(context.getNode(), { message, description, httpCode: 'none' }, context.getItemIndex());
}

/** The sha1 Highload reports for the stored file against the sha1 of the bytes that went out. */
function verifyChecksum(context: IExecutePaginationFunctions, fileId: string, reported: unknown, sent: string | undefined): void {
	const stored = String(reported ?? '')
		.trim()
		.toLowerCase();
	if (stored && stored === sent) return;
	const advice = `The file is stored as "${fileId}": delete it and upload again, or turn off Verify Checksum under Options.`;
	if (!stored) throw failure(context, 'Highload reported no sha1 for the uploaded file, so its checksum could not be verified', advice);
	throw failure(
		context,
		`The uploaded file's checksum does not match: Highload stored sha1 ${stored}, the bytes sent have sha1 ${sent ?? 'unknown'}`,
		advice,
	);
}

/** The stored file's record (file/info). Its output hook names the upload's folder in a 404: say what really failed. */
async function readBack(context: IExecutePaginationFunctions, requestData: RequestData, fileId: string): Promise<INodeExecutionData[]> {
	try {
		return await sendLimited(context, apiRequest(requestData, 'file/info', { file: fileId }));
	} catch (error) {
		const notFound = error instanceof NodeApiError && error.httpCode === '404';
		throw notFound
			? failure(context, `Highload accepted the upload but cannot find the stored file "${fileId}" (404)`, 'Check the folder in Highload; upload again if the file is missing.')
			: error;
	}
}

/**
 * file/ul gives a one-time upload URL (the routing request, 509s retried), the binary is streamed there as
 * multipart/form-data, and the stored file is read back with file/info: that record is the output, its sha1
 * checked against the bytes sent. Uploads of one node run share a gate, like its API requests.
 */
async function uploadBinary(this: IExecutePaginationFunctions, requestData: RequestData): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const property = String(this.getNodeParameter('binaryPropertyName', 'data')).trim() || 'data';
	const source = await binaryFileSource(this, property, String(options.fileName ?? '').trim());
	const folderId = requestData.options.qs?.folder as string | undefined;
	const verify = options.verifyChecksum !== false;
	const idleMs = Number(requestData.options.timeout) || DEFAULT_IDLE_TIMEOUT_MS;
	const scope = `${this.getExecutionId()}:${this.getNode().name}:upload`;

	const limits = requestLimits(this);
	return await throughGate(scope, limits.maxConcurrentRequests, async () => {
		// Each attempt takes a fresh upload URL (the first POST uses one up) and a fresh body (a stream is read once).
		const { result, sent } = await retryOnBandwidthExceeded(this, limits.bandwidthRetries, async () => {
			const [target] = await sendLimited(this, requestData);
			const url = String(target?.json.url ?? '');
			if (!url) throw failure(this, 'Highload did not hand out an upload URL', 'file/ul answered without result.url.');
			const body = await uploadBody(this, source, folderId, verify);
			return { result: await postUpload(this, url, body, idleMs), sent: body.sha1 };
		});
		const fileId = uploadedFileId(result);
		if (!fileId) {
			throw failure(this, 'Highload accepted the upload but did not say which file it created', `The upload answer was ${JSON.stringify(result)}.`);
		}
		const stored = await readBack(this, requestData, fileId);
		if (verify) verifyChecksum(this, fileId, stored[0]?.json.sha1 ?? result.sha1, sent);
		return stored;
	});
}

export const uploadFile = defineOperation({
	resource: 'file',
	value: 'upload',
	name: 'Upload',
	action: 'Upload a file',
	description: 'Upload a binary file from the input item, streamed from n8n without loading it into memory',
	endpoint: 'file/ul',
	parameters: [folderIdParameter()],
	fields: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to be uploaded',
		},
		optionsCollection([
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. holiday.mp4',
				description: "The name to store the file under, instead of the binary's own file name",
			},
			{
				displayName: 'Verify Checksum',
				name: 'verifyChecksum',
				type: 'boolean',
				default: true,
				description: 'Whether to compare the sha1 of the bytes sent with the sha1 Highload reports for the stored file, and fail on a mismatch',
			},
		]),
	],
	output: records({ kind: 'folder', query: 'folder' }),
	run: uploadBinary,
});
