/**
 * A counting gate: at most `limit` holders at a time, where each waiter brings its own limit; first come, first
 * served. accountGate.ts keeps one per account.
 */
export class Gate {
	active = 0;

	readonly waiting: Array<{ limit: number; admit: () => void }> = [];

	async acquire(limit: number): Promise<void> {
		if (this.waiting.length === 0 && this.active < limit) {
			this.active++;
			return;
		}
		await new Promise<void>((admit) => this.waiting.push({ limit, admit }));
	}

	release(): void {
		this.active--;
		// First come, first served: the head of the queue goes next once there is room under its own limit.
		while (this.waiting.length > 0 && this.active < this.waiting[0].limit) {
			this.active++;
			this.waiting.shift()!.admit();
		}
	}

	get idle(): boolean {
		return this.active === 0 && this.waiting.length === 0;
	}
}
