import { ApiError } from '../envelope';
import type { RemoteUpload } from '../state';
import type { ApiContext, EndpointTable } from './types';

function isHttpUrl(value: string): boolean {
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
}

/** The uploads a status call asks for: one id, several ids, or (without id) all of them. */
function selectUploads({ core, params }: ApiContext): { uploads: RemoteUpload[]; single: boolean } {
	const raw = params.get('id');
	if (raw === undefined) {
		if (core.options.remoteStatusWithoutId === 'error') throw new ApiError(400, 'Missing parameter: id');
		const all = [...core.state.remoteUploads.values()];
		return { uploads: core.options.remoteListOmitsFinished ? all.filter((u) => u.status !== 'finished') : all, single: false };
	}
	const uploads = params
		.list('id')
		.map((id) => core.state.remoteUploads.get(id))
		.filter((u): u is RemoteUpload => u !== undefined);
	// Unknown ids inside a multi-id request are left out; only an entirely unknown request is a 404.
	if (uploads.length === 0) throw new ApiError(404, 'Remote upload not found');
	return { uploads, single: !raw.includes(',') };
}

/** options.autoAdvanceRemote: every status call moves each listed upload one step along the script. */
function autoAdvance({ core }: ApiContext, upload: RemoteUpload): void {
	const script = core.options.autoAdvanceRemote;
	if (!script || upload.scriptStep >= script.length) return;
	core.state.advanceRemoteUpload(upload.id, script[upload.scriptStep]);
	upload.scriptStep++;
}

export const remoteEndpoints: EndpointTable = {
	'remotedl/add': ({ core, params, render }) => {
		const url = params.require('url');
		if (!isHttpUrl(url)) throw new ApiError(400, 'Invalid url: only http and https are supported');
		const folder = params.folderOrRoot('folder');
		const upload = core.state.addRemoteUpload(url, folder.id);
		return { id: upload.id, folderid: render.folderId(upload.folderId) };
	},

	'remotedl/status': (ctx) => {
		const { uploads, single } = selectUploads(ctx);
		for (const upload of uploads) autoAdvance(ctx, upload);
		const records = uploads.map((u) => ctx.render.remoteUpload(u, ctx.core.state));
		if (single && ctx.core.options.remoteStatusShape === 'object') return records[0];
		return Object.fromEntries(records.map((r) => [r.id as string, r]));
	},

	'remotedl/remove': ({ core, params }) => {
		const id = params.require('id');
		if (id === 'all') core.state.remoteUploads.clear();
		else if (!core.state.remoteUploads.delete(id)) throw new ApiError(404, 'Remote upload not found');
		return true;
	},

	'remotedl/restart': ({ core, params }) => {
		const restart = params.require('restart');
		if (!['true', '1'].includes(restart)) throw new ApiError(400, 'Invalid parameter: restart');
		core.state.restartFailedRemoteUploads();
		return true;
	},
};
