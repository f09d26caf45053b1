/** Code a test runs when a request arrives, before it is answered (e.g. add files while a listing pages). */
export type RequestHook = (query: Record<string, string>) => void;

export class RequestHooks {
	private hooks: Array<{ endpoint: string; hook: RequestHook }> = [];

	/** Runs `hook` for every request to `endpoint` ('*' for all); returns a function that removes it. */
	add(endpoint: string, hook: RequestHook): () => void {
		const entry = { endpoint, hook };
		this.hooks.push(entry);
		return () => {
			this.hooks = this.hooks.filter((other) => other !== entry);
		};
	}

	clear(): void {
		this.hooks = [];
	}

	run(endpoint: string, query: Record<string, string>): void {
		for (const { endpoint: wanted, hook } of [...this.hooks]) {
			if (wanted === '*' || wanted === endpoint) hook(query);
		}
	}
}
