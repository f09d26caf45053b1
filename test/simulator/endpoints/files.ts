import { ApiError } from '../envelope';
import type { EndpointTable } from './types';

export const fileEndpoints: EndpointTable = {
	/** One id: the file object (404 envelope if unknown). Several ids: a map with per-file status. */
	'file/info': ({ core, params, render }) => {
		const raw = params.require('file');
		const ids = params.list('file');
		if (!raw.includes(',')) return render.fileInfo(params.file('file'));
		if (ids.length === 0) throw new ApiError(400, 'Missing parameter: file');
		const result: Record<string, unknown> = {};
		for (const id of ids) {
			const file = core.state.files.get(id);
			result[id] = file ? render.fileInfo(file) : { id, status: 404 };
		}
		return result;
	},

	'file/rename': ({ core, params }) => {
		const file = params.file('file');
		core.state.renameFile(file.id, params.require('name'));
		return true;
	},

	'file/move': ({ core, params }) => {
		const file = params.file('file');
		core.state.moveFile(file.id, params.folder('folder').id);
		return true;
	},

	'file/delete': ({ core, params }) => {
		core.state.deleteFile(params.file('file').id);
		return true;
	},
};
