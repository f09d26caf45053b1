import { n8nLogText } from '../harness';
import { fromList, pollError, useTrigger } from './setup';

/** The trigger sends login and key itself (apiSession): its failures must not carry them either. */
describe('Highload Trigger — the API key', () => {
	const t = useTrigger();

	test('appears in no emitted item, no error and no log line, whatever fails', async () => {
		const printed: string[] = [];
		const capture = (...args: unknown[]) => printed.push(args.map(String).join(' '));
		const spies = (['log', 'error', 'warn', 'info', 'debug'] as const).map((level) => jest.spyOn(console, level).mockImplementation(capture));
		try {
			const folder = t.sim.addFolder('watched');
			t.sim.addFiles(250, folder.id);
			const trigger = t.poller({ event: 'newFile', folderId: fromList(folder.id), options: { timeout: 1000 } });
			await trigger.poll();
			t.sim.addFile({ name: 'new.mp4', folderId: folder.id });
			const errors = [];
			for (const kind of ['html', 'truncated', 'reset', 'noAnswer', { status: 403, msg: 'Permission denied' }] as const) {
				t.sim.fault('file/listfolder', { kind, skip: 1 });
				errors.push(await pollError(async () => await trigger.poll()));
				t.sim.clearFaults();
			}
			const items = await trigger.poll();
			expect(items).toHaveLength(1);
			// What n8n logged (the harness keeps it whether or not it is printed) and anything printed to the console.
			const seen = [JSON.stringify(items), JSON.stringify(trigger.staticData), printed.join('\n'), n8nLogText()];
			for (const error of errors) {
				seen.push(error.message, String(error.description), JSON.stringify(error), String(error.stack));
			}
			for (const text of seen) expect(text).not.toContain(t.sim.key);
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
	});
});
