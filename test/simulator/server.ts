import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { drain, readFormParams } from './body';
import type { SimulatorCore } from './core';
import { accountEndpoints } from './endpoints/account';
import { convertEndpoints, serveThumbnail, THUMB_PATH } from './endpoints/convert';
import { fileEndpoints } from './endpoints/files';
import { folderEndpoints } from './endpoints/folders';
import { remoteEndpoints } from './endpoints/remote';
import type { EndpointTable } from './endpoints/types';
import { receiveUpload, UPLOAD_PATH_PREFIX, uploadUrlEndpoints } from './endpoints/upload';
import { ApiError, BANDWIDTH_MSG, type Envelope, errorEnvelope, okEnvelope } from './envelope';
import type { FaultKind } from './faults';
import { checkCredentials, Params } from './params';
import { Renderer } from './render';
import { JSON_TYPE, sendBadGatewayPage, sendEnvelope, sendRedirect, sendTruncatedJson } from './respond';
import type { RecordedRequest } from './stats';
import { sleep } from './time';

const ENDPOINTS: EndpointTable = {
	...accountEndpoints,
	...fileEndpoints,
	...folderEndpoints,
	...uploadUrlEndpoints,
	...remoteEndpoints,
	...convertEndpoints,
};

type Route = { kind: 'api'; endpoint: string } | { kind: 'upload'; endpoint: 'upload'; token: string } | { kind: 'thumb'; endpoint: 'thumb'; fileId: string };

function route(pathname: string): Route {
	if (pathname.startsWith(UPLOAD_PATH_PREFIX)) return { kind: 'upload', endpoint: 'upload', token: pathname.slice(UPLOAD_PATH_PREFIX.length) };
	const thumb = THUMB_PATH.exec(pathname);
	if (thumb) return { kind: 'thumb', endpoint: 'thumb', fileId: decodeURIComponent(thumb[1]) };
	return { kind: 'api', endpoint: pathname.replace(/^\/+|\/+$/g, '') };
}

/**
 * The HTTP side: records every request, tracks concurrency, applies injected faults and throttling,
 * then routes to the API endpoints, the upload server or the thumbnail server.
 */
export class SimulatorServer {
	private readonly server: Server;
	private readonly held = new Set<Socket>(); // sockets of 'noAnswer' requests, ended by close()

	/** `tls`: serve https with this key and certificate (PEM) instead of http. */
	constructor(
		private readonly core: SimulatorCore,
		tls?: { key: string; cert: string },
	) {
		const handler = (req: IncomingMessage, res: ServerResponse) => {
			this.handle(req, res).catch((error: Error) => this.answerCrash(res, error));
		};
		this.server = tls ? createTlsServer(tls, handler) : createServer(handler);
	}

	async listen(port: number, host: string): Promise<AddressInfo> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		return this.server.address() as AddressInfo;
	}

	async close(): Promise<void> {
		for (const socket of this.held) socket.destroy();
		this.held.clear();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		await closed;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const { core } = this;
		const url = new URL(req.url ?? '/', 'http://simulator.invalid');
		const target = route(url.pathname);
		const record: RecordedRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			endpoint: target.endpoint,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			startedAt: Date.now(),
		};
		core.stats.begin(record);
		res.once('close', () => core.stats.end());
		core.hooks.run(target.endpoint, record.query);

		const { throttleAbove } = core.options;
		const throttled = throttleAbove !== undefined && core.stats.inFlight > throttleAbove;
		const fault = core.faults.take(target.endpoint) ?? (throttled ? 'bandwidth' : undefined);
		if (fault !== undefined) return this.answerFault(req, res, fault, target);
		await core.stats.answersOpen();

		switch (target.kind) {
			case 'api': {
				const envelope = await this.apiCall(req, target.endpoint, record);
				await sleep(core.options.latencyMs);
				return sendEnvelope(res, envelope, core.options);
			}
			case 'upload': {
				const envelope = await receiveUpload(core, req, target.token, record.query);
				await sleep(core.options.latencyMs);
				return sendEnvelope(res, envelope, core.options, core.options.uploadResponseContentType);
			}
			case 'thumb':
				await drain(req);
				await sleep(core.options.latencyMs);
				return serveThumbnail(core, target.fileId, res);
		}
	}

	/** Envelope for an API call: body parameters, unknown endpoint, credentials, then the endpoint's own checks. */
	private async apiCall(req: IncomingMessage, endpoint: string, record: RecordedRequest): Promise<Envelope> {
		try {
			if (req.method === 'POST') Object.assign(record.query, await readFormParams(req));
			else await drain(req);
			const handler = Object.prototype.hasOwnProperty.call(ENDPOINTS, endpoint) ? ENDPOINTS[endpoint] : undefined;
			if (!handler) throw new ApiError(404, `Unknown endpoint: ${endpoint}`);
			const params = new Params(record.query, this.core.state);
			checkCredentials(params, this.core.options);
			return okEnvelope(handler({ core: this.core, params, render: new Renderer(this.core.options) }));
		} catch (error) {
			if (error instanceof ApiError) return errorEnvelope(error.status, error.message);
			throw error;
		}
	}

	private async answerFault(req: IncomingMessage, res: ServerResponse, fault: FaultKind, target: Route): Promise<void> {
		if (fault === 'reset') {
			req.socket.destroy();
			return;
		}
		if (fault === 'noAnswer') {
			const { socket } = req;
			this.held.add(socket);
			socket.once('close', () => this.held.delete(socket));
			req.resume(); // let the client finish sending; it then waits forever
			return;
		}
		await drain(req);
		await sleep(this.core.options.latencyMs);
		if (fault === 'html') return sendBadGatewayPage(res);
		if (fault === 'truncated') return sendTruncatedJson(res);
		if (fault === 'echoHtml') return sendBadGatewayPage(res, req.url);
		if (typeof fault === 'object' && 'redirect' in fault) return sendRedirect(res, fault.status ?? 302, fault.redirect.replace('{query}', (req.url ?? '').split('?')[1] ?? ''));
		const envelope =
			fault === 'bandwidth'
				? errorEnvelope(509, BANDWIDTH_MSG)
				: fault === 'echoJson'
					? errorEnvelope(500, `Internal error while handling ${req.url ?? ''}`)
					: 'result' in fault
						? okEnvelope(fault.result)
						: errorEnvelope(fault.status, fault.msg);
		const contentType = target.kind === 'upload' ? this.core.options.uploadResponseContentType : JSON_TYPE;
		sendEnvelope(res, envelope, this.core.options, contentType);
	}

	/** A bug in the simulator (or a client gone mid-request): answer 500 if anyone is still listening. */
	private answerCrash(res: ServerResponse, error: Error): void {
		if (res.headersSent || res.destroyed) return;
		sendEnvelope(res, errorEnvelope(500, `Simulator error: ${error.message}`), this.core.options);
	}
}
