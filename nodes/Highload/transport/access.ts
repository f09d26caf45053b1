import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IExecuteSingleFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { INSECURE_BASE_URL_MESSAGE, secureBaseUrl } from './baseUrl';
import { operationError } from './errors';
import { runValues } from './runCache';

export const CREDENTIAL_TYPE = 'highloadApi';

export type AccessContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions;

/** What a request needs from the credential: where to go, the two values that authenticate it, whose account. */
export interface ApiAccess {
	baseUrl: string;
	login: string;
	key: string;
	/** A fingerprint of login + Base URL (never the key): the account's concurrency gate and the trigger's baseline. */
	account: string;
}

/** Reads the credential; its Base URL is refused before anything is sent when it would carry the key in clear text. */
export async function readAccess(context: AccessContext): Promise<ApiAccess> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const access = accessOf(credentials);
	if (!access) {
		const target = { node: context.getNode(), mask: (text: string) => text };
		throw operationError(target, INSECURE_BASE_URL_MESSAGE, `The credential's Base URL is "${String(credentials.baseUrl)}".`);
	}
	return access;
}

/** The credential's values as a request needs them, or undefined when its Base URL may not carry the key. */
export function accessOf(credentials: ICredentialDataDecryptedObject): ApiAccess | undefined {
	const baseUrl = secureBaseUrl(credentials.baseUrl);
	if (!baseUrl) return undefined;
	const login = String(credentials.login ?? '');
	const account = createHash('sha256').update(`${baseUrl}\n${login}`).digest('base64url').slice(0, 16);
	return { baseUrl, login, key: String(credentials.apiKey ?? ''), account };
}

const ACCESS = 'access';

/**
 * The credential of a declarative node run, read once for all its items and kept only as long as the run
 * (runCache.ts); a failed read is not kept. A context without a run reads the credential itself.
 */
export async function readAccessOncePerRun(context: IExecuteSingleFunctions): Promise<ApiAccess> {
	const values = runValues(context);
	const cached = values.get(ACCESS) as Promise<ApiAccess> | undefined;
	if (cached) return await cached;
	const access = readAccess(context);
	values.set(ACCESS, access);
	access.catch(() => values.delete(ACCESS));
	return await access;
}
