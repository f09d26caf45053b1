import { assertErrorWording, checkedError } from './errorWording';
import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PackageDirectoryLoader,
	PollContext,
	TriggersAndPollers,
	WorkflowExecute,
} from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ICredentialType,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import { HarnessCredentialsHelper } from './credentials';
import './n8nLog';
import { HarnessInput, registerInput, type InputItem } from './testNodes';

// n8n-core reads its instance settings from the user folder: keep them out of ~/.n8n. Its logger is captured
// (./n8nLog: kept for tests that check for leaked secrets, printed only with HIGHLOAD_TEST_LOG=1).
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'highload-n8n-'));

export const PACKAGE_ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME = 'n8n-nodes-highload';
const CREDENTIAL_ID = 'highload-credential';
/** Every run gets its own execution id, as in n8n. */
let executionCount = 0;

export interface HighloadCredential {
	login: string;
	apiKey: string;
	baseUrl: string;
}

export interface NodeRun {
	/** Output items of the node under test (all outputs' first branch), as the user sees them. */
	items: INodeExecutionData[];
	/** The error the node stopped the workflow with, if it did. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	/** Everything the execution produced, for scanning (e.g. that the API key appears nowhere). */
	run: IRun;
}

export interface PollerOptions {
	parameters: INode['parameters'];
	mode?: 'trigger' | 'manual';
}

/** Loads the built package from dist/ the way n8n does and runs its nodes through n8n-core's real engine. */
export class Engine {
	readonly credentialTypes = new Map<string, ICredentialType>();

	readonly nodeTypes: INodeTypes;

	private readonly credentialsHelper: HarnessCredentialsHelper;

	private readonly types = new Map<string, INodeType>();

	private constructor(loader: PackageDirectoryLoader) {
		for (const [name, { type }] of Object.entries(loader.nodeTypes)) {
			this.types.set(`${PACKAGE_NAME}.${name}`, type as INodeType);
		}
		this.types.set('harness.input', new HarnessInput());
		for (const [name, { type }] of Object.entries(loader.credentialTypes)) {
			this.credentialTypes.set(name, type);
		}
		const nodeType = (name: string) => {
			const type = this.types.get(name);
			if (!type) throw new Error(`harness: unknown node type ${name}`);
			return type;
		};
		this.nodeTypes = { getByName: nodeType, getByNameAndVersion: nodeType, getKnownTypes: () => ({}) };
		this.credentialsHelper = new HarnessCredentialsHelper(this.credentialTypes);
	}

	/** Adds a node type that is not part of the package (used to emulate n8n's credential test node). */
	registerNodeType(name: string, type: INodeType): void {
		this.types.set(name, type);
	}

	/** The description of one of this package's node types, as n8n loaded it. */
	description(name: string) {
		return this.nodeTypes.getByNameAndVersion(`${PACKAGE_NAME}.${name}`).description;
	}

	static async load(): Promise<Engine> {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		return new Engine(loader);
	}

	/** Sets the Highload credential every node of the following runs uses. */
	setCredential(credential: HighloadCredential): void {
		this.credentialsHelper.set(CREDENTIAL_ID, { ...credential });
	}

	/** Runs input items → one node of this package, returning what the node emitted or the error it stopped on. */
	async runNode(options: {
		type?: string;
		parameters: INode['parameters'];
		input?: InputItem[];
		continueOnFail?: boolean;
		retryOnFail?: boolean;
		/** Cancels the execution (as the editor's Stop button does) when this settles. */
		cancelWhen?: Promise<unknown>;
	}): Promise<NodeRun> {
		const nodeName = 'Highload';
		const input: INode = {
			id: 'input',
			name: 'Input',
			type: 'harness.input',
			typeVersion: 1,
			position: [0, 0],
			parameters: { key: registerInput(options.input ?? [{ json: {} }]) },
		};
		const node: INode = {
			id: 'node-under-test',
			name: nodeName,
			type: `${PACKAGE_NAME}.${options.type ?? 'highload'}`,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { highloadApi: { id: CREDENTIAL_ID, name: 'Highload' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.retryOnFail ? { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } : {}),
		};
		const connections: IConnections = {
			Input: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
		};
		const run = await this.runWorkflow([input, node], connections, 'manual', options.cancelWhen);
		const taskData = run.data.resultData.runData[nodeName]?.[0];
		const error = (taskData?.error ?? run.data.resultData.error) as NodeRun['error'];
		const items = taskData?.data?.main?.[0] ?? [];
		const itemErrors = items.map((item) => item.json.error as { message?: string; description?: string } | string | undefined).filter(Boolean);
		assertErrorWording('the node run', [
			error?.message,
			error?.description,
			...itemErrors.flatMap((itemError) => (typeof itemError === 'string' ? [itemError] : [itemError!.message, itemError!.description])),
		]);
		return { items, error, run };
	}

	/** Runs a whole workflow from its first node, as n8n's manual execution does. */
	async runWorkflow(nodes: INode[], connections: IConnections, mode: WorkflowExecuteMode = 'manual', cancelWhen?: Promise<unknown>): Promise<IRun> {
		const workflow = new Workflow({ id: 'test-workflow', nodes, connections, active: false, nodeTypes: this.nodeTypes });
		const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', {
			id: workflow.id,
			name: 'test',
			active: false,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes,
			connections,
		} as never);
		let finished: IRun | undefined;
		let ended = (_run: IRun) => {};
		// A cancelled execution reports through this hook and never settles its promise (n8n's p-cancelable).
		const endedRun = new Promise<IRun>((resolve) => (ended = resolve));
		hooks.addHandler('workflowExecuteAfter', (fullRun) => {
			finished = fullRun;
			ended(fullRun);
		});
		const runExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }],
			},
		});
		const additionalData = this.additionalData(hooks);
		additionalData.executionId = `test-execution-${++executionCount}`;
		try {
			const execution = new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
			void cancelWhen?.then(() => execution.cancel());
			const result = await Promise.race([execution, endedRun]);
			return finished ?? result;
		} catch (error) {
			// n8n refuses to start a workflow whose required parameters are empty: report it like a failed run.
			const run = createRunExecutionData();
			run.resultData.error = error as never;
			return { data: run, mode, status: 'error', startedAt: new Date(), finished: false } as unknown as IRun;
		}
	}

	/** What the editor shows for a resource locator's "From list" mode: the node's listSearch method, as n8n calls it. */
	async listSearch(method: string, filter?: string, type = 'highload', paginationToken?: string) {
		const node: INode = {
			id: 'node-under-test',
			name: 'Highload',
			type: `${PACKAGE_NAME}.${type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
			credentials: { highloadApi: { id: CREDENTIAL_ID, name: 'Highload' } },
		};
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: this.nodeTypes });
		const context = new LoadOptionsContext(workflow, node, this.additionalData(undefined), 'parameters.folderId');
		const search = this.nodeTypes.getByNameAndVersion(node.type).methods?.listSearch?.[method];
		if (!search) throw new Error(`harness: ${type} has no listSearch method ${method}`);
		return await search.call(context, filter, paginationToken).catch((error: unknown) => Promise.reject(checkedError('a folder search', error)));
	}

	/**
	 * A polling trigger as n8n activates it with its default poller: one Workflow object (and so one static-data
	 * object) serves every poll of the activation. Its static data is saved as JSON after a poll that returns; a poll
	 * that throws is not saved, but what it wrote stays in memory for the next poll, as in n8n 2.41. Manual mode
	 * ("Fetch Test Event") loads the saved workflow afresh each time and saves nothing.
	 */
	poller(options: PollerOptions) {
		const node: INode = {
			id: 'trigger-under-test',
			name: 'Highload Trigger',
			type: `${PACKAGE_NAME}.highloadTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
			credentials: { highloadApi: { id: CREDENTIAL_ID, name: 'Highload' } },
		};
		const mode = options.mode ?? 'trigger';
		let savedStaticData: IDataObject = {};
		let activeWorkflow: Workflow | undefined;
		const engine = this;
		const loadWorkflow = () =>
			new Workflow({
				id: 'test-workflow',
				nodes: [node],
				connections: {},
				active: mode === 'trigger',
				nodeTypes: engine.nodeTypes,
				staticData: JSON.parse(JSON.stringify(savedStaticData)),
			});
		return {
			/** The static data the next poll sees: the activation's in-memory object (the saved copy before the first poll). */
			get staticData(): IDataObject {
				return activeWorkflow ? (JSON.parse(JSON.stringify(activeWorkflow.staticData)) as IDataObject) : savedStaticData;
			},
			/** The static data as the database holds it, saved only after a poll that returned. */
			get savedStaticData(): IDataObject {
				return savedStaticData;
			},
			/**
			 * Static data as a saved workflow holds it (e.g. written by an older version of the package): the workflow
			 * is loaded again from it, as on a new activation.
			 */
			set staticData(value: IDataObject) {
				savedStaticData = JSON.parse(JSON.stringify(value));
				activeWorkflow = undefined;
			},
			async poll(): Promise<INodeExecutionData[] | null> {
				const workflow = mode === 'trigger' ? (activeWorkflow ??= loadWorkflow()) : loadWorkflow();
				const additionalData = engine.additionalData(undefined);
				const context = new PollContext(workflow, node, additionalData, mode, mode === 'trigger' ? 'activate' : 'manual');
				const result = await Container.get(TriggersAndPollers)
					.runPollFunction(workflow, node, context)
					.catch((error: unknown) => Promise.reject(checkedError('a poll', error)));
				if (mode === 'trigger') {
					savedStaticData = JSON.parse(JSON.stringify(workflow.staticData));
				}
				return result ? result[0] : null;
			},
		};
	}

	private additionalData(hooks: ExecutionLifecycleHooks | undefined): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.credentialsHelper,
			hooks,
			executeWorkflow: async () => {
				throw new Error('harness: sub-workflows are not supported');
			},
			getRunExecutionData: async () => undefined,
			getRuntimeCredential: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678',
			formBaseUrl: 'http://127.0.0.1:5678/form',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
			mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
			variables: {},
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('harness: the task runner is not available');
			},
			encryptedRunnerIdentity: undefined,
			parentExecution: undefined,
		} as unknown as IWorkflowExecuteAdditionalData;
	}
}
