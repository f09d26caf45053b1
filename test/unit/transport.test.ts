import { throughAccountGate } from '../../nodes/Highload/transport/accountGate';
import { isSafeRedirect } from '../../nodes/Highload/transport/httpExchange';

describe('redirect policy', () => {
	test.each([
		['https://api.highload.to/a', 'https://api.highload.to/b', true],
		['http://127.0.0.1:5690/a', 'http://127.0.0.1:5690/b', true],
		['http://127.0.0.1:5690/a', 'https://127.0.0.1:5690/b', true],
		['https://api.highload.to/a', 'http://api.highload.to/a', false],
		['https://api.highload.to/a', 'https://evil.example/a', false],
		['https://api.highload.to/a', 'https://api.highload.to:8443/a', false],
		['https://api.highload.to/a', 'https://sub.api.highload.to/a', false],
	])('%s → %s may be followed: %p', (from, to, safe) => {
		expect(isSafeRedirect(new URL(from), new URL(to))).toBe(safe);
	});
});

describe('account gate', () => {
	const tick = async () => await new Promise((resolve) => setImmediate(resolve));

	test('never more in flight per account than the limit; other accounts are not held up', async () => {
		let active = 0;
		let peak = 0;
		const task = (account: string) =>
			throughAccountGate(account, 3, async () => {
				active++;
				peak = Math.max(peak, active);
				await tick();
				active--;
			});
		await Promise.all(Array.from({ length: 50 }, () => task('a')));
		expect(peak).toBe(3);

		const order: string[] = [];
		let release!: () => void;
		const blocker = throughAccountGate('b', 1, async () => await new Promise<void>((resolve) => (release = resolve)));
		const other = throughAccountGate('c', 1, async () => order.push('c'));
		await other;
		expect(order).toEqual(['c']);
		release();
		await blocker;
	});

	test('a request waits while as many requests as its own limit are in flight, first come first served', async () => {
		let active = 0;
		const peaks: number[] = [];
		const task = (limit: number) =>
			throughAccountGate('d', limit, async () => {
				active++;
				peaks.push(active);
				await tick();
				active--;
			});
		await Promise.all([5, 5, 5, 5, 2, 2, 5, 1].map(task));
		expect(Math.max(...peaks)).toBeLessThanOrEqual(5);
		// The limit-1 request ran alone.
		expect(peaks[peaks.length - 1]).toBe(1);
	});
});
