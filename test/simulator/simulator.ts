import type { SimulatorCore } from './core';
import { FaultPlan, type FaultSpec } from './faults';
import { type RequestHook, RequestHooks } from './hooks';
import { FolderListing } from './listing';
import { resolveOptions, type RemoteStep, type ResolvedOptions, type SimulatorOptions } from './options';
import { Random } from './random';
import { SimulatorServer } from './server';
import { type FileInit, type Folder, ROOT_FOLDER_ID, type RemoteUpload, SimulatorState, type StoredFile } from './state';
import { type RecordedRequest, Stats, type UploadRecord } from './stats';

export interface ListenOptions {
	/** Default 0: a random free port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Serve https with this key and certificate (PEM): the Base URL, upload URLs and thumbnails become https://. */
	tls?: { key: string; cert: string };
}

/** An in-memory Highload API (plus upload and thumbnail servers) on 127.0.0.1, for tests. */
export class HighloadSimulator implements SimulatorCore {
	/** Mutable at runtime: tests flip switches between requests. */
	options: ResolvedOptions;
	readonly state: SimulatorState;
	readonly listing: FolderListing;
	readonly stats = new Stats();
	readonly faults = new FaultPlan();
	readonly hooks = new RequestHooks();
	private baseUrl = '';
	private readonly server: SimulatorServer;

	private constructor(options: SimulatorOptions, tls?: ListenOptions['tls']) {
		this.options = resolveOptions(options);
		const rng = new Random(this.options.seed);
		this.state = new SimulatorState(rng);
		this.listing = new FolderListing(this.state, rng);
		this.server = new SimulatorServer(this, tls);
	}

	static async start(options: SimulatorOptions = {}, listen: ListenOptions = {}): Promise<HighloadSimulator> {
		const sim = new HighloadSimulator(options, listen.tls);
		const host = listen.host ?? '127.0.0.1';
		const address = await sim.server.listen(listen.port ?? 0, host);
		sim.baseUrl = `${listen.tls ? 'https' : 'http'}://${host}:${address.port}`;
		return sim;
	}

	/** Base URL, e.g. http://127.0.0.1:45678 (endpoints at `${url}/account/info`). */
	get url(): string {
		return this.baseUrl;
	}

	/** Holds every answer until `count` more requests have arrived, so that they are all in flight at once. */
	holdAnswers(count: number): void {
		this.stats.holdAnswers(count);
	}

	get fileServerUrl(): string {
		if (!this.options.fileServerHost) return this.baseUrl;
		const url = new URL(this.baseUrl);
		url.hostname = this.options.fileServerHost;
		return url.origin;
	}

	get login(): string {
		return this.options.login;
	}

	get key(): string {
		return this.options.key;
	}

	close(): Promise<void> {
		return this.server.close();
	}

	// ---- state ----

	addFolder(name: string, parentId: string = ROOT_FOLDER_ID): Folder {
		return this.state.addFolder(name, parentId);
	}

	addFile(init: FileInit): StoredFile {
		return this.state.addFile(init);
	}

	addFiles(count: number, folderId: string = ROOT_FOLDER_ID): StoredFile[] {
		return this.state.addFiles(count, folderId);
	}

	deleteFile(id: string): void {
		this.state.deleteFile(id);
	}

	moveFile(id: string, folderId: string): void {
		this.state.moveFile(id, folderId);
	}

	finishConversion(fileId: string): void {
		this.state.finishConversion(fileId);
	}

	addRemoteUpload(url: string, folderId: string = ROOT_FOLDER_ID): RemoteUpload {
		return this.state.addRemoteUpload(url, folderId);
	}

	advanceRemoteUpload(id: string, to: RemoteStep, opts?: { bytesLoaded?: number; bytesTotal?: number }): void {
		this.state.advanceRemoteUpload(id, to, opts);
	}

	// ---- observation ----

	get requests(): RecordedRequest[] {
		return this.stats.requests;
	}

	get uploads(): UploadRecord[] {
		return this.stats.uploads;
	}

	/** Highest number of requests in flight at once (API + upload + thumbnails). */
	get maxConcurrency(): number {
		return this.stats.maxConcurrency;
	}

	set maxConcurrency(value: number) {
		this.stats.maxConcurrency = value;
	}

	get inFlight(): number {
		return this.stats.inFlight;
	}

	resetStats(): void {
		this.stats.reset();
	}

	countRequests(endpoint: string): number {
		return this.stats.count(endpoint);
	}

	// ---- faults ----

	fault(endpoint: string, spec: FaultSpec): void {
		this.faults.add(endpoint, spec);
	}

	clearFaults(): void {
		this.faults.clear();
	}

	// ---- hooks ----

	/**
	 * Runs `hook` with the request's query when a request to `endpoint` ('*': any) arrives, before faults and the
	 * answer: e.g. add files while a listing pages. Returns a function that removes the hook.
	 */
	onRequest(endpoint: string, hook: RequestHook): () => void {
		return this.hooks.add(endpoint, hook);
	}
}
