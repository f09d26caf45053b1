import { ApiError } from '../envelope';
import { ROOT_FOLDER_ID } from '../state';
import type { EndpointTable } from './types';

const MAX_LIMIT = 200;

export const folderEndpoints: EndpointTable = {
	'file/listfolder': ({ core, params, render }) => {
		const folder = params.folderOrRoot('folder');
		const page = params.positiveInt('page', 1);
		const limit = Math.min(params.positiveInt('limit', MAX_LIMIT), MAX_LIMIT);
		const files = core.listing.files(folder.id, core.options, page);
		const showFolders = page === 1 || core.options.foldersOnEveryPage;
		return {
			folders: showFolders ? core.state.childFolders(folder.id).map((f) => render.folder(f)) : [],
			files: files.slice((page - 1) * limit, page * limit).map((f) => render.listedFile(f)),
		};
	},

	'file/createfolder': ({ core, params, render }) => {
		const name = params.require('name');
		const parent = params.folderOrRoot('pid');
		return { folderid: render.folderId(core.state.addFolder(name, parent.id).id) };
	},

	'file/renamefolder': ({ core, params }) => {
		const folder = params.folder('folder');
		const name = params.require('name');
		if (folder.id === ROOT_FOLDER_ID) throw new ApiError(400, 'Cannot rename the root folder');
		core.state.renameFolder(folder.id, name);
		return true;
	},

	'file/deletefolder': ({ core, params }) => {
		const folder = params.folder('folder');
		if (folder.id === ROOT_FOLDER_ID) throw new ApiError(400, 'Cannot delete the root folder');
		core.state.deleteFolder(folder.id);
		return true;
	},
};
