/**
 * n8n starts one request per input item, all at once (its Batching only spaces out when they start), so a
 * 1,000-item run would hit Highload with 1,000 concurrent requests and trip its 509 throttling. Requests of one
 * node run share a gate that lets at most `limit` through at a time.
 */
export class RequestGate {
	private active = 0;

	private readonly waiting: Array<() => void> = [];

	constructor(readonly limit: number) {}

	async run<T>(task: () => Promise<T>): Promise<T> {
		if (this.active >= this.limit) {
			await new Promise<void>((resolve) => this.waiting.push(resolve));
		} else {
			this.active++;
		}
		try {
			return await task();
		} finally {
			const next = this.waiting.shift();
			if (next) next();
			else this.active--;
		}
	}

	get idle(): boolean {
		return this.active === 0 && this.waiting.length === 0;
	}
}

const gates = new Map<string, RequestGate>();

/** Runs `task` through the gate shared by all requests with the same key (one node in one execution). */
export async function throughGate<T>(scope: string, limit: number, task: () => Promise<T>): Promise<T> {
	const key = `${scope}#${limit}`;
	let gate = gates.get(key);
	if (!gate) {
		gate = new RequestGate(limit);
		gates.set(key, gate);
	}
	try {
		return await gate.run(task);
	} finally {
		if (gate.idle && gates.get(key) === gate) gates.delete(key);
	}
}
