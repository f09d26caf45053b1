import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { requireSecureBaseUrl } from './client';
import { checkParameters, type Parameter } from './parameters';
import { sendOperationRequest } from './transport';

type RequestRunner = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Everything about one operation; a reader finds its whole behaviour in its own file. */
export interface OperationSpec {
	resource: string;
	value: string;
	name: string;
	action: string;
	description: string;
	/** API path, e.g. `file/rename`. */
	endpoint: string;
	parameters?: Parameter[];
	/** Extra fields that are not query parameters (options collections, notices). */
	fields?: INodeProperties[];
	/** Fixed query parameters, e.g. `{ id: 'all' }`. */
	query?: Record<string, string>;
	preSend?: PreSendAction[];
	output: PostReceiveAction;
	/** Steps after `output`, e.g. downloading what the result links to. */
	postReceive?: PostReceiveAction[];
	/** Replaces the single request (e.g. folder listing pages through results). */
	run?: RequestRunner;
}

export interface Operation {
	resource: string;
	option: INodePropertyOptions;
	fields: INodeProperties[];
}

/** Builds the operation picker entry (with its routing) and its fields, shown only for this operation. */
export function defineOperation(spec: OperationSpec): Operation {
	const parameters = spec.parameters ?? [];
	const fields = [...parameters.map((parameter) => parameter.property), ...(spec.fields ?? [])].map((field) => ({
		...field,
		displayOptions: {
			...field.displayOptions,
			show: { ...field.displayOptions?.show, resource: [spec.resource], operation: [spec.value] },
		},
	}));
	return {
		resource: spec.resource,
		fields,
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: {
				request: { method: 'GET', url: `/${spec.endpoint}`, ...(spec.query ? { qs: spec.query } : {}) },
				// `paginate` hands the request to `operations.pagination`: our one sender (limits, retries, pages).
				send: { paginate: true, preSend: [requireSecureBaseUrl, checkParameters(parameters), ...(spec.preSend ?? [])] },
				operations: { pagination: spec.run ?? sendOperationRequest },
				output: { postReceive: [spec.output, ...(spec.postReceive ?? [])] },
			},
		},
	};
}

/** The operation picker of one resource, options sorted by name as n8n's lint requires. */
export function operationPicker(resource: string, operations: Operation[]): INodeProperties {
	const picker: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: operations.map((operation) => operation.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: '',
	};
	// The first operation listed by the resource is the one a new node starts with.
	picker.default = operations[0].option.value as string;
	return picker;
}
