import { Logger } from '@n8n/backend-common';

/**
 * n8n-core's logger, as the tests run it. n8n logs every node error (the engine's "Highload refused the request…"
 * lines, about ninety per `npm test`); they are expected and would read as trouble. So every log call is kept here,
 * for tests that check what n8n would have printed (the API key must never be in it), and printed only with
 * `npm test -- --verbose` (scripts/jest.js sets HIGHLOAD_TEST_LOG=1) or HIGHLOAD_TEST_LOG=1.
 */
export interface N8nLogEntry {
	level: string;
	message: string;
	metadata: Record<string, unknown>;
}

const entries: N8nLogEntry[] = [];
const printing = process.env.HIGHLOAD_TEST_LOG === '1';

type LogMethod = (this: Logger, level: string, message: string, metadata: Record<string, unknown>) => void;
const prototype = Logger.prototype as unknown as { log: LogMethod; __highloadCaptured?: boolean };
if (!prototype.__highloadCaptured) {
	const print = prototype.log;
	prototype.log = function capture(level, message, metadata) {
		entries.push({ level, message: String(message), metadata: { ...metadata } });
		if (printing) print.call(this, level, message, metadata);
	};
	prototype.__highloadCaptured = true;
}

/** Everything n8n logged in this test file so far (the entries themselves, not copies). */
export const n8nLogEntries = (): readonly N8nLogEntry[] => entries;

/** The log as text, as n8n would print it (message and metadata, errors with their stacks). */
export const n8nLogText = (): string =>
	entries
		.map(({ level, message, metadata }) => `${level}: ${message} ${JSON.stringify(metadata, (_key, value) => (value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value))}`)
		.join('\n');
