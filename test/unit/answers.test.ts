import { NodeApiError, type INode } from 'n8n-workflow';

import { normalizeRecord, recordsOf } from '../../nodes/Highload/output/normalize';
import { list, records, success } from '../../nodes/Highload/output/results';
import { readEnvelope } from '../../nodes/Highload/transport/envelope';

const node: INode = { id: '1', name: 'Highload', type: 'n8n-nodes-highload.highload', typeVersion: 1, position: [0, 0], parameters: {} };
const target = { node, itemIndex: 0, mask: (text: string) => text.split('sekret').join('***') };
const run = { target, qs: { file: 'abc', name: 'n' }, operationName: 'File → Get' };

function failure(run: () => unknown): NodeApiError {
	try {
		run();
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected a failure');
}

describe('envelope', () => {
	test('the envelope decides, whatever the HTTP status', () => {
		expect(readEnvelope(target, { statusCode: 500, body: { status: 200, result: 1 } })).toBe(1);
		const error = failure(() => readEnvelope(target, { statusCode: 200, body: { status: 403, msg: 'no' } }));
		expect(error.httpCode).toBe('403');
		expect(error.description).toBe('Highload said: no');
	});

	test('a body that is not an envelope fails with the HTTP status, its snippet masked before it is cut', () => {
		const html = `<html>${'x'.repeat(20)} key=sekret ${'y'.repeat(200)}</html>`;
		const error = failure(() => readEnvelope(target, { statusCode: 502, body: html }));
		expect(error.message).toBe("Highload's server could not handle the request (502): try again later");
		expect(error.description).toContain('key=***');
		expect(error.description).not.toContain('sekret');
		expect(failure(() => readEnvelope(target, { statusCode: 200, body: '{"status":2' })).message).toBe(
			'Highload sent an answer that could not be read (HTTP 200)',
		);
	});

	test('404 names the subject', () => {
		expect(failure(() => readEnvelope(target, { body: { status: 404, msg: 'x' } }, 'folder "1002"')).message).toBe('Highload could not find folder "1002" (404)');
	});
});

describe('records', () => {
	test('numbers as numbers, ids as strings, "not yet" as null', () => {
		expect(normalizeRecord({ id: 12, size: '361357875', download_count: 3, folderid: 4567, finished: '0000-00-00 00:00:00', name: '007' })).toEqual({
			id: '12',
			size: 361357875,
			download_count: 3,
			folderid: '4567',
			finished: null,
			name: '007',
		});
	});

	test('one record, a map keyed by id, or a list', () => {
		expect(recordsOf({ id: 'a', status: 'x' })).toEqual([{ id: 'a', status: 'x' }]);
		expect(recordsOf({ a: { status: 'x' }, b: { status: 'y' } })).toEqual([
			{ id: 'a', status: 'x' },
			{ id: 'b', status: 'y' },
		]);
		expect(recordsOf([{ id: 'a' }])).toEqual([{ id: 'a' }]);
	});

	test('a result lacking what the operation needs is an error naming the operation and what is missing', () => {
		const read = records('file', ['id']);
		expect(read({ id: 'abc' }, run)).toEqual([{ id: 'abc' }]);
		expect(failure(() => read(null, run)).message).toBe("File → Get: Highload's answer has no file record");
		expect(failure(() => read(true, run)).message).toBe("File → Get: Highload's answer has no file record");
		expect(failure(() => read({ name: 'x' }, run)).message).toBe("File → Get: Highload's answer has no id in the file record");
		expect(failure(() => read({ abc: { status: 404 } }, run)).message).toBe('Highload could not find file "abc" (404)');
		expect(failure(() => list('items')(null, run)).message).toBe("File → Get: Highload's answer has no list of items");
		expect(list('items')([], run)).toEqual([]);
		expect(success((qs) => ({ fileId: qs.file }))(true, run)).toEqual([{ success: true, fileId: 'abc' }]);
		expect(failure(() => success()(false, run)).message).toBe("File → Get: Highload's answer has no confirmation (result true)");
	});
});
