/** Switches that change how the simulator behaves. All of them may be flipped at runtime. */
export type RemoteStep = 'downloading' | 'finished' | 'error';

export interface SimulatorOptions {
	login?: string;
	key?: string;
	/** HTTP status mirrors the envelope status, or is always 200. */
	httpStatus?: 'mirror' | 'always200';
	/** remotedl/status with one id: single object or map keyed by id (several ids / no id: always a map). */
	remoteStatusShape?: 'object' | 'map';
	/** remotedl/status without id: map of all uploads, or 400. */
	remoteStatusWithoutId?: 'list' | 'error';
	/** remotedl/status without id leaves out finished uploads (as an API that forgets them would); by id they still answer. */
	remoteListOmitsFinished?: boolean;
	/** Numeric fields as strings (like the doc) or JSON numbers. Folder ids become numbers too; file ids never. */
	numbers?: 'strings' | 'numbers';
	/** Listings in a fresh seeded order each time page 1 is requested. */
	shuffle?: boolean;
	/** File order in listfolder when not shuffled. */
	order?: 'oldestFirst' | 'newestFirst';
	/** listfolder: all subfolders repeated on every page (only files paged), or folders and files paged together, folders first. */
	foldersOnEveryPage?: boolean;
	/** Delay before every answer. */
	latencyMs?: number;
	/** A request that makes more than N requests in flight gets a 509 envelope. */
	throttleAbove?: number;
	/** Lifetime of upload URLs. */
	uploadUrlTtlMs?: number;
	/** Content type of the upload server's answer. */
	uploadResponseContentType?: string;
	/** Include result.id in the upload answer (false: only result.url carries the id). */
	uploadResultIdField?: boolean;
	/** Upload server reports (and stores) a wrong sha1. */
	corruptUploads?: boolean;
	/** Each remotedl/status call advances every listed upload one step along this script. */
	autoAdvanceRemote?: RemoteStep[];
	/** RNG seed for shuffles and ids. */
	seed?: number;
	/**
	 * Host name put into the upload and thumbnail URLs the API hands out (the same server answers them), e.g. the API
	 * reached as `localhost` hands out `127.0.0.1` URLs: a test can then allow one destination and not the other.
	 */
	fileServerHost?: string;
}

type OptionalKeys = 'throttleAbove' | 'autoAdvanceRemote' | 'fileServerHost';
export type ResolvedOptions = Required<Omit<SimulatorOptions, OptionalKeys>> & Pick<SimulatorOptions, OptionalKeys>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
	login: 'testlogin',
	key: 'testkey1234secret',
	httpStatus: 'mirror',
	remoteStatusShape: 'object',
	remoteStatusWithoutId: 'list',
	remoteListOmitsFinished: false,
	numbers: 'strings',
	shuffle: false,
	order: 'oldestFirst',
	foldersOnEveryPage: false,
	latencyMs: 0,
	throttleAbove: undefined,
	uploadUrlTtlMs: 60 * 60 * 1000,
	uploadResponseContentType: 'application/json',
	uploadResultIdField: true,
	corruptUploads: false,
	autoAdvanceRemote: undefined,
	seed: 20210712,
};

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
	const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
	return { ...DEFAULT_OPTIONS, ...defined };
}
