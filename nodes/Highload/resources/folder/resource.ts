export const FOLDER = { value: 'folder', name: 'Folder' };

/** Why rename and delete never act on the root folder. */
export const ROOT_REFUSED = 'The root folder holds everything in your account: pick the folder to act on from the list, or give its ID.';
