/**
 * n8n's UX guidelines on error texts: say what happened and how to get unstuck, without the words "error",
 * "problem", "failure", "mistake". The harness applies this to every error the package produces in any test (a
 * node run's error, continue-on-fail error items, a poll or folder search that throws, the credential test's
 * message): a test that provokes a wrongly worded error fails, naming the text.
 * Words the package quotes rather than says are exempt: a status value in quotes ('error', a remote upload's status),
 * Highload's own message after "Highload said:", and the start of an answer that was not JSON.
 */
const BANNED = /\b(error|problem|failure|mistake)s?\b/i;

/** What the package says in its own words: quoted values and quoted server texts removed. */
export function ownWords(text: string): string {
	return text
		.replace(/Highload said: .*$/s, '')
		.replace(/The answer is not JSON: .*$/s, '')
		.replace(/(^|[\s(])'[^']*'(?=[\s).,;:]|$)/g, '$1')
		.replace(/(^|[\s(])"[^"]*"(?=[\s).,;:]|$)/g, '$1');
}

export function bannedWordIn(text: string | null | undefined): string | undefined {
	return text ? BANNED.exec(ownWords(text))?.[0] : undefined;
}

/** Throws when an error text the package produced uses a banned word. */
export function assertErrorWording(where: string, texts: Array<string | null | undefined>): void {
	for (const text of texts) {
		const word = bannedWordIn(text);
		if (word) throw new Error(`harness: ${where} says "${word}", which n8n's UX guidelines ban in error texts: ${text}`);
	}
}

/** The same for an error thrown by a poll or a search, passed on unchanged when it is worded well. */
export function checkedError(where: string, error: unknown): unknown {
	const { message, description } = (error ?? {}) as { message?: string; description?: string | null };
	assertErrorWording(where, [message, description]);
	return error;
}
