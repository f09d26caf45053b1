import { createHash } from 'crypto';
import type { INodeParameters } from 'n8n-workflow';

import type { InputItem } from '../harness';
import type { HighloadSimulator } from '../simulator';
import { byId, byPath } from '../support/setup';

/**
 * One run of every operation, and of its variants that change the output's shape (Wait for Completion, Download,
 * folders or files in a listing), against a simulator holding sample data.
 */
export interface OutputCase {
	resource: string;
	operation: string;
	label: string;
	setup(sim: HighloadSimulator): { parameters?: INodeParameters; input?: InputItem[] };
}

const file = (sim: HighloadSimulator) => sim.addFile({ name: 'clip.mp4', folderId: sim.addFolder('videos').id, size: 361357875, downloadCount: 848 });

export const outputCases: OutputCase[] = [
	{ resource: 'account', operation: 'get', label: '', setup: () => ({}) },
	{ resource: 'conversion', operation: 'getRunning', label: '', setup: (sim) => (sim.addFile({ name: 'camera.avi', cstatus: 'pending' }), {}) },
	{ resource: 'file', operation: 'delete', label: '', setup: (sim) => ({ parameters: { fileId: byId(file(sim).id) } }) },
	{ resource: 'file', operation: 'get', label: '', setup: (sim) => ({ parameters: { fileId: byId(file(sim).id) } }) },
	{ resource: 'file', operation: 'getThumbnail', label: 'link', setup: (sim) => ({ parameters: { fileId: byId(file(sim).id) } }) },
	{
		resource: 'file',
		operation: 'getThumbnail',
		label: 'with Download',
		setup: (sim) => ({ parameters: { fileId: byId(file(sim).id), options: { download: true } } }),
	},
	{ resource: 'file', operation: 'getUploadUrl', label: '', setup: (sim) => ({ parameters: { folderId: byId(sim.addFolder('incoming').id) } }) },
	{ resource: 'file', operation: 'move', label: '', setup: (sim) => ({ parameters: { fileId: byId(file(sim).id), folderId: byId(sim.addFolder('archive').id) } }) },
	{ resource: 'file', operation: 'rename', label: '', setup: (sim) => ({ parameters: { fileId: byId(file(sim).id), name: 'new.mp4' } }) },
	{
		resource: 'file',
		operation: 'upload',
		label: '',
		setup: () => ({ input: [{ binary: { data: { content: Buffer.from('sample video bytes'), fileName: 'render.mp4', mimeType: 'video/mp4' } } }] }),
	},
	{ resource: 'folder', operation: 'create', label: '', setup: (sim) => ({ parameters: { name: 'series', parentFolderId: byId(sim.addFolder('videos').id) } }) },
	{ resource: 'folder', operation: 'delete', label: '', setup: (sim) => ({ parameters: { folderId: byId(sim.addFolder('old').id) } }) },
	{
		resource: 'folder',
		operation: 'list',
		label: 'files and folders, with subfolders',
		setup: (sim) => {
			const videos = sim.addFolder('videos');
			const series = sim.addFolder('series', videos.id);
			sim.addFile({ name: 'a.mp4', folderId: videos.id, size: 10, downloadCount: 3 });
			sim.addFile({ name: 'b.mp4', folderId: series.id, cstatus: 'pending' });
			return { parameters: { folderId: byId(videos.id), returnAll: true, options: { include: 'both', includeSubfolders: true } } };
		},
	},
	{
		resource: 'folder',
		operation: 'list',
		label: 'filtered and sorted (the same records)',
		setup: (sim) => {
			sim.addFile({ name: 'old.mp4', size: 10, downloadCount: 0, uploadAt: '2020-01-01 00:00:00' });
			sim.addFile({ name: 'older.mp4', size: 20, downloadCount: 0, uploadAt: '2019-01-01 00:00:00' });
			sim.addFile({ name: 'new.mp4', size: 30, downloadCount: 0 });
			const filters = { uploadedBefore: '={{ $now.minus({ days: 30 }) }}', downloadsAtMost: 0, nameMatches: '*.mp4' };
			return { parameters: { returnAll: true, filters, sort: { rules: [{ by: 'size', direction: 'descending' }] }, options: { include: 'files' } } };
		},
	},
	{ resource: 'file', operation: 'delete', label: 'with Stop If More Than', setup: (sim) => ({ parameters: { fileId: byId(file(sim).id), options: { stopIfMoreThan: 5 } } }) },
	{ resource: 'folder', operation: 'rename', label: '', setup: (sim) => ({ parameters: { folderId: byId(sim.addFolder('old').id), name: 'new' } }) },
	{ resource: 'remoteUpload', operation: 'add', label: '', setup: () => ({ parameters: { url: 'https://example.com/video.mp4' } }) },
	{
		resource: 'remoteUpload',
		operation: 'add',
		label: 'with Wait for Completion',
		setup: (sim) => {
			sim.options.autoAdvanceRemote = ['downloading', 'finished'];
			return { parameters: { url: 'https://example.com/video.mp4', options: { waitForCompletion: true } } };
		},
	},
	{
		resource: 'remoteUpload',
		operation: 'get',
		label: 'pending and finished',
		setup: (sim) => {
			const finished = sim.addRemoteUpload('https://example.com/a.mp4');
			sim.advanceRemoteUpload(finished.id, 'finished', { bytesTotal: 104857600 });
			const pending = sim.addRemoteUpload('https://example.com/b.mp4');
			return { parameters: { remoteUploadId: '={{ $json.id }}' }, input: [{ json: { id: finished.id } }, { json: { id: pending.id } }] };
		},
	},
	{ resource: 'remoteUpload', operation: 'remove', label: '', setup: (sim) => ({ parameters: { remoteUploadId: sim.addRemoteUpload('https://example.com/a.mp4').id } }) },
	{ resource: 'remoteUpload', operation: 'removeAll', label: '', setup: () => ({}) },
	{ resource: 'remoteUpload', operation: 'restartFailed', label: '', setup: () => ({}) },
	// Paths and duplicates: the fields By Path and the skip options add.
	{
		resource: 'file',
		operation: 'upload',
		label: 'By Path, the same file already there (Skip)',
		setup: (sim) => {
			const folder = sim.addFolder('renders');
			sim.addFile({ name: 'render.mp4', folderId: folder.id, sha1: createHash('sha1').update('sample video bytes').digest('hex') });
			return {
				parameters: { folderId: byPath('renders'), options: { ifSameFileExists: 'skip', compareBy: 'content' } },
				input: [{ binary: { data: { content: Buffer.from('sample video bytes'), fileName: 'render.mp4', mimeType: 'video/mp4' } } }],
			};
		},
	},
	{
		resource: 'folder',
		operation: 'create',
		label: 'By Path, Create Missing Folders',
		setup: () => ({ parameters: { name: 'archive', parentFolderId: byPath('videos/2026'), options: { createMissingFolders: true } } }),
	},
	{
		resource: 'remoteUpload',
		operation: 'add',
		label: 'By Path, Skip If Already Added',
		setup: (sim) => {
			sim.addRemoteUpload('https://example.com/a.mp4', sim.addFolder('feeds').id);
			return { parameters: { url: 'https://example.com/a.mp4', folderId: byPath('feeds'), options: { skipIfAlreadyAdded: true } } };
		},
	},
	{ resource: 'folder', operation: 'delete', label: 'By Path', setup: (sim) => (sim.addFolder('old'), { parameters: { folderId: byPath('old') } }) },
];
