import { ApiError } from '../envelope';
import { ROOT_FOLDER_ID } from '../state';
import type { EndpointTable } from './types';

const MAX_LIMIT = 200;

export const folderEndpoints: EndpointTable = {
	/**
	 * Folders and files share the pages: folders first, then files, `limit` entries a page (page 1 of a folder with 150
	 * subfolders holds those 150 and the first 50 files). With `foldersOnEveryPage` (a quirk of the family) every page
	 * repeats all subfolders and only the files are paged.
	 */
	'file/listfolder': ({ core, params, render }) => {
		const folder = params.folderOrRoot('folder');
		const page = params.positiveInt('page', 1);
		const limit = Math.min(params.positiveInt('limit', MAX_LIMIT), MAX_LIMIT);
		const files = core.listing.files(folder.id, core.options, page);
		const folders = core.state.childFolders(folder.id);
		const start = (page - 1) * limit;
		if (core.options.foldersOnEveryPage) {
			return { folders: folders.map((f) => render.folder(f)), files: files.slice(start, start + limit).map((f) => render.listedFile(f)) };
		}
		const fileStart = Math.max(0, start - folders.length);
		const fileEnd = Math.max(0, start + limit - folders.length);
		return {
			folders: folders.slice(start, start + limit).map((f) => render.folder(f)),
			files: files.slice(fileStart, fileEnd).map((f) => render.listedFile(f)),
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
