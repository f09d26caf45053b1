import type { INodeProperties } from 'n8n-workflow';

import { itemQuery } from '../execution/itemQuery';
import { runOperation } from '../execution/runItem';
import type { Operation, OperationSpec, Resource } from '../execution/operationSpec';
import { stopIfMoreThanOption } from '../parameters/deleteGuard';

import { optionsCollection } from './fields';

/**
 * The operation picker entry. Of `routing`, n8n's RoutingNode needs only `send.paginate` and `operations.pagination`
 * to hand each item to our hook (runOperation), and runs `send.preSend` (itemQuery) before it; nothing else of n8n's
 * request building is used, so nothing else is declared.
 */
export function defineOperation(spec: OperationSpec): Operation {
	return {
		spec,
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: {
				send: { paginate: true, preSend: [itemQuery(spec)] },
				operations: { pagination: runOperation(spec) },
			},
		},
	};
}

/** The operation picker of one resource, options sorted by name as n8n's lint requires; the first listed is the default. */
export function operationPicker(resource: Resource, operations: Operation[]): INodeProperties {
	const picker: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: operations.map((operation) => operation.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: '',
	};
	// The first operation listed is the one a new node starts with (n8n's lint wants a literal default above).
	picker.default = operations[0].spec.value;
	return picker;
}

/** The Options of every operation that deletes (spec.deletes): Stop If More Than, checked by execution/itemQuery.ts. */
const deleteOptions = optionsCollection([stopIfMoreThanOption]);

/**
 * The fields of a resource's operations, each declared once: a field that several specs list (the same object) is
 * shown for exactly those operations. Each operation shows its sent fields, then its other fields, in its spec's order, then what its flags add.
 */
export function resourceFields(resource: Resource, operations: Operation[]): INodeProperties[] {
	const shownFor = new Map<INodeProperties, string[]>();
	for (const { spec } of operations) {
		for (const property of [...(spec.sends ?? []).map((field) => field.property), ...(spec.fields ?? []), ...(spec.deletes ? [deleteOptions] : [])]) {
			shownFor.set(property, [...(shownFor.get(property) ?? []), spec.value]);
		}
	}
	return [...shownFor].map(([property, values]) => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, resource: [resource.value], operation: values } },
	}));
}
