import { createHash } from 'crypto';
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { FileSource } from './multipartBody';

/**
 * Slices handed to the request: the size bench/upload found cheapest per byte while keeping the upload server busy
 * (smaller slices pay per-slice overhead, larger ones fall out of the CPU caches between read, hash and socket).
 */
const CHUNK_SIZE = 256 * 1024;

async function* slices(buffer: Buffer): AsyncGenerator<Uint8Array> {
	for (let offset = 0; offset < buffer.length; offset += CHUNK_SIZE) {
		yield buffer.subarray(offset, offset + CHUNK_SIZE);
	}
}

/**
 * The input item's binary as a file to upload. A binary kept in n8n's binary store (filesystem, S3) has an id
 * and is streamed from the store, its size taken from the store's metadata; a binary held in memory is sent from
 * the buffer it already is.
 */
export async function binaryFileSource(
	context: IExecuteSingleFunctions,
	propertyName: string,
	fileNameOverride: string,
): Promise<FileSource> {
	const binary = context.helpers.assertBinaryData(propertyName);
	const fileName = fileNameOverride || binary.fileName || 'file';
	const mimeType = binary.mimeType || 'application/octet-stream';
	const storedId = binary.id;
	if (storedId) {
		const { fileSize } = await context.helpers.getBinaryMetadata(storedId);
		return {
			fileName,
			mimeType,
			size: Number(fileSize),
			open: async () => await context.helpers.getBinaryStream(storedId, CHUNK_SIZE),
		};
	}
	const buffer = await context.helpers.getBinaryDataBuffer(propertyName);
	return { fileName, mimeType, size: buffer.length, open: async () => slices(buffer) };
}

/**
 * The sha1 (hex) of the input item's binary, read the way an upload reads it: streamed from n8n's binary store in
 * slices (never held whole), or hashed from the buffer a memory-mode binary already is.
 */
export async function binarySha1(context: IExecuteSingleFunctions, propertyName: string): Promise<string> {
	const hash = createHash('sha1');
	const binary = context.helpers.assertBinaryData(propertyName);
	if (binary.id) {
		for await (const chunk of await context.helpers.getBinaryStream(binary.id, CHUNK_SIZE)) hash.update(chunk as Uint8Array);
	} else {
		hash.update(await context.helpers.getBinaryDataBuffer(propertyName));
	}
	return hash.digest('hex');
}
