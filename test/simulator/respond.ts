import type { ServerResponse } from 'node:http';
import { type Envelope, okEnvelope, toPhpJson } from './envelope';
import type { ResolvedOptions } from './options';

export const JSON_TYPE = 'application/json';

export function sendBody(res: ServerResponse, httpStatus: number, contentType: string, body: string | Buffer): void {
	if (res.destroyed || res.writableEnded) return; // client went away (or close() ran) meanwhile
	const bytes = typeof body === 'string' ? Buffer.from(body) : body;
	res.writeHead(httpStatus, { 'Content-Type': contentType, 'Content-Length': bytes.length });
	res.end(bytes);
}

/** Envelope answer; the HTTP status mirrors the envelope's or is always 200, per the `httpStatus` switch. */
export function sendEnvelope(res: ServerResponse, env: Envelope, options: ResolvedOptions, contentType = JSON_TYPE): void {
	const httpStatus = options.httpStatus === 'mirror' ? env.status : 200;
	sendBody(res, httpStatus, contentType, toPhpJson(env));
}

/** What an overloaded reverse proxy answers: not JSON at all; some gateways quote the request they failed. */
export function sendBadGatewayPage(res: ServerResponse, quotedUrl?: string): void {
	const quoted = quotedUrl === undefined ? '' : `<p>Upstream failed for ${quotedUrl}</p>\r\n`;
	const html =
		'<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
		quoted +
		'<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
	sendBody(res, 502, 'text/html', html);
}

/** A redirect, as the real API answers plain http (to https) or a misconfigured host might answer anything. */
export function sendRedirect(res: ServerResponse, status: number, location: string): void {
	if (res.destroyed || res.writableEnded) return;
	res.writeHead(status, { Location: location, 'Content-Type': 'text/html', 'Content-Length': 0 });
	res.end();
}

/** HTTP 200 with a JSON content type and a consistent Content-Length, but the JSON stops halfway. */
export function sendTruncatedJson(res: ServerResponse): void {
	const full = toPhpJson(okEnvelope({ folders: [{ id: '1001', name: 'videos' }], files: [{ name: 'movie.mp4', id: 'abcdefghijkl' }] }));
	sendBody(res, 200, JSON_TYPE, full.slice(0, Math.floor(full.length / 2)));
}
