import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** What passed through the proxy: plain http requests by absolute URI, and CONNECT tunnels (https) by host:port. */
export interface ProxiedRequest {
	method: string;
	/** Absolute URL for a forwarded request, host:port for a CONNECT. */
	target: string;
	/** The Proxy-Authorization header, when the client sent one. */
	auth?: string;
}

/**
 * A tiny HTTP forward proxy on 127.0.0.1 that counts what passes through it: `GET http://host/path` (and any other
 * method) is forwarded as it is, body streamed; `CONNECT host:port` opens a tunnel. Only for tests.
 */
export class ForwardProxy {
	readonly requests: ProxiedRequest[] = [];

	/** Reads request bodies in steps: `chunkBytes`, then a pause of `pauseMs` (a slow server that keeps reading). */
	pace?: { chunkBytes: number; pauseMs: number };

	/** Stops reading request bodies after this many bytes and never answers (a server that stalls mid-body). */
	stallAfterBytes?: number;

	private readonly sockets = new Set<Socket>();

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	static async start(): Promise<ForwardProxy> {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const proxy = new ForwardProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		server.on('connection', (socket: Socket) => {
			proxy.sockets.add(socket);
			socket.once('close', () => proxy.sockets.delete(socket));
		});
		server.on('request', (req, res) => proxy.forward(req, res));
		server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => proxy.tunnel(req, client, head));
		return proxy;
	}

	/** How many requests (and tunnels) went to a target URL containing `part`. */
	count(part: string): number {
		return this.requests.filter((entry) => entry.target.includes(part)).length;
	}

	async close(): Promise<void> {
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private forward(req: IncomingMessage, res: import('node:http').ServerResponse): void {
		const target = new URL(req.url ?? '');
		const auth = req.headers['proxy-authorization'];
		this.requests.push({ method: req.method ?? 'GET', target: target.href, ...(auth ? { auth } : {}) });
		const headers = { ...req.headers };
		delete headers['proxy-connection'];
		delete headers['proxy-authorization'];
		const upstream = request(target, { method: req.method, headers }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', () => {
			if (res.destroyed) return;
			if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
			res.end('proxy: upstream failed');
		});
		res.once('close', () => upstream.destroy());
		if (this.pace || this.stallAfterBytes !== undefined) this.relayBody(req, upstream);
		else req.pipe(upstream);
	}

	/** Relays a body at the pace set (or stalls), so that the client sees the server's reading, not the proxy's. */
	private relayBody(req: IncomingMessage, upstream: import('node:http').ClientRequest): void {
		let total = 0;
		let sincePause = 0;
		req.on('data', (chunk: Buffer) => {
			total += chunk.length;
			sincePause += chunk.length;
			if (this.stallAfterBytes !== undefined && total >= this.stallAfterBytes) {
				req.pause();
				return;
			}
			upstream.write(chunk);
			if (this.pace && sincePause >= this.pace.chunkBytes) {
				sincePause = 0;
				req.pause();
				setTimeout(() => req.resume(), this.pace.pauseMs);
			}
		});
		req.on('end', () => upstream.end());
	}

	private tunnel(req: IncomingMessage, client: Socket, head: Buffer): void {
		const target = req.url ?? '';
		this.requests.push({ method: 'CONNECT', target });
		const [host, port] = target.split(':');
		const upstream = connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length) upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		this.sockets.add(upstream);
		upstream.once('close', () => this.sockets.delete(upstream));
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	}
}
