import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

/**
 * Credentials as n8n's server hands them to the engine: decrypted data by id, and a generic `authenticate`
 * block applied to each request by resolving its expressions against `$credentials` (what n8n's own
 * CredentialsHelper does for declarative credentials).
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, ICredentialDataDecryptedObject>();

	constructor(private readonly credentialTypes: Map<string, ICredentialType>) {
		super();
	}

	set(id: string, data: ICredentialDataDecryptedObject) {
		this.store.set(id, data);
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.credentialTypes.get(typeName)?.authenticate;
		if (!authenticate || typeof authenticate === 'function' || authenticate.type !== 'generic') {
			throw new Error(`harness: credential type ${typeName} has no generic authenticate block`);
		}
		const resolve = (value: string) =>
			workflow && node
				? workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials } as IDataObject)
				: value;
		const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			options[target] = { ...(options[target] ?? {}) };
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				options[target][String(resolve(key))] = resolve(value);
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('harness: getCredentials is not used by the engine paths under test');
	}

	async getDecrypted(
		_additionalData: unknown,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = nodeCredentials.id ? this.store.get(nodeCredentials.id) : undefined;
		if (!data) throw new Error(`harness: no ${type} credential with id ${nodeCredentials.id}`);
		const defaults = Object.fromEntries(
			this.getCredentialsProperties(type).map((property) => [property.name, property.default]),
		);
		return { ...defaults, ...data } as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.get(type)?.properties ?? [];
	}
}
