import type { INode, INodeType } from 'n8n-workflow';

import type { Engine, HighloadCredential } from './engine';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * "Test" in n8n's credential dialog, for a credential type with a `test` request: n8n's CredentialsTester runs
 * that request through RoutingNode on a stand-in node, then reads its rules. This mirrors that flow step by step.
 */
export async function testCredential(engine: Engine, credential: HighloadCredential): Promise<CredentialTestResult> {
	const credentialType = engine.credentialTypes.get('highloadApi');
	const test = credentialType?.test;
	if (!test) throw new Error('harness: highloadApi has no test request');

	const tester: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'highloadApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: test.request }, default: '' }],
		},
	};
	engine.registerNodeType('harness.credentialTest', tester);
	engine.setCredential(credential);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'harness.credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { highloadApi: { id: 'highload-credential', name: 'Highload' } },
	};
	const run = await engine.runWorkflow([node], {}, 'internal');
	const taskData = run.data.resultData.runData['Temp-Node']?.[0];
	const error = (taskData?.error ?? run.data.resultData.error) as
		| (Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } })
		| undefined;

	if (error) {
		const response = error.cause?.response;
		if (response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (response.status < 199 || response.status > 299) {
				return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}

	const body = taskData?.data?.main?.[0]?.[0]?.json;
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody' && (body as Record<string, unknown> | undefined)?.[rule.properties.key] === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
