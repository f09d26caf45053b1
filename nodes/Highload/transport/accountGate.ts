import { Gate } from './gate';
import { accountGates } from './processState';

/**
 * How many requests one Highload account has in flight, per n8n process.
 *
 * n8n starts one request per input item, all at once, and a busy instance runs many executions side by side: left
 * alone, they trip Highload's 509 throttling together. Every request of this package (node, trigger, folder search,
 * upload) passes the gate of its account (login + Base URL), which lets at most `limit` through at a time; the
 * limit travels with each request (the node's Max Concurrent Requests, which may differ per item or workflow), and
 * a request waits while as many requests as its own limit are in flight. Across a queue-mode cluster the bound is
 * therefore (processes × limit).
 *
 * The gates are process-wide state (processState.ts): an account fingerprint (a hash, never the key) → a counter and
 * a queue, removed as soon as the account has nothing in flight.
 */
/** Runs `task` once fewer than `limit` requests of the same account are in flight in this process. */
export async function throughAccountGate<T>(account: string, limit: number, task: () => Promise<T>): Promise<T> {
	let gate = accountGates.get(account);
	if (!gate) {
		gate = new Gate();
		accountGates.set(account, gate);
	}
	await gate.acquire(Math.max(1, limit));
	try {
		return await task();
	} finally {
		gate.release();
		if (gate.idle) accountGates.delete(account);
	}
}
