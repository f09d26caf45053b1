import { CredentialTestContext } from 'n8n-core';
import type { ICredentialTestFunction, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { Engine, HighloadCredential } from './engine';
import { assertErrorWording } from './errorWording';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * "Test" in n8n's credential dialog, as n8n's CredentialsTester runs it for a credential type without a `test`
 * request: it finds a node of the package that declares `testedBy` for the credential and calls that node's
 * `methods.credentialTest` function with n8n-core's own CredentialTestContext (whose only request helper is the
 * legacy `request`) and the decrypted credential.
 */
export async function testCredential(engine: Engine, credential: HighloadCredential): Promise<CredentialTestResult> {
	if (engine.credentialTypes.get('highloadApi')?.test) throw new Error('harness: highloadApi has a test request; n8n would run that instead');
	let testFunction: ICredentialTestFunction | undefined;
	for (const name of ['highload', 'highloadTrigger']) {
		const type = engine.nodeTypes.getByNameAndVersion(`n8n-nodes-highload.${name}`);
		const testedBy = type.description.credentials?.find((entry) => entry.name === 'highloadApi')?.testedBy;
		if (typeof testedBy === 'string') testFunction ??= type.methods?.credentialTest?.[testedBy];
	}
	if (!testFunction) throw new Error('harness: no node tests highloadApi');
	const context = new CredentialTestContext({} as IWorkflowExecuteAdditionalData);
	const result = await testFunction.call(context, { id: 'test', name: 'Highload', type: 'highloadApi', data: { ...credential } });
	if (result.status !== 'OK') assertErrorWording('the credential test', [result.message]);
	return { status: result.status as CredentialTestResult['status'], message: result.message };
}
