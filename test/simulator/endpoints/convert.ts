import type { ServerResponse } from 'node:http';
import type { SimulatorCore } from '../core';
import { THUMBNAIL_JPEG } from '../jpeg';
import { sendBody } from '../respond';
import type { EndpointTable } from './types';

export const THUMB_PATH = /^\/thumb\/([^/]+)\.jpg$/;

export const convertEndpoints: EndpointTable = {
	'file/runningconverts': ({ core, render }) =>
		[...core.state.files.values()].filter((f) => f.cstatus !== 'Completed').map((f) => render.runningConvert(f)),

	'file/getsplash': ({ core, params }) => `${core.fileServerUrl}/thumb/${params.file('file').id}.jpg`,
};

/** GET /thumb/<fileId>.jpg: the same small JPEG for every existing file. */
export function serveThumbnail(core: SimulatorCore, fileId: string, res: ServerResponse): void {
	if (core.state.files.has(fileId)) sendBody(res, 200, 'image/jpeg', THUMBNAIL_JPEG);
	else sendBody(res, 404, 'text/plain', 'Not found');
}
