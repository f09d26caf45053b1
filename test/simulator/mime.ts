const BY_EXTENSION: Record<string, string> = {
	mp4: 'video/mp4',
	m4v: 'video/mp4',
	mkv: 'video/x-matroska',
	webm: 'video/webm',
	avi: 'video/x-msvideo',
	mov: 'video/quicktime',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	txt: 'text/plain',
	srt: 'application/x-subrip',
	zip: 'application/zip',
};

/** Content type from a file name's extension, as the upload server would detect it. */
export function guessContentType(name: string): string {
	const dot = name.lastIndexOf('.');
	const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
	return BY_EXTENSION[ext] ?? 'application/octet-stream';
}
