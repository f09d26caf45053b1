import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ResolvedFolder } from '../listing/folderPaths';
import { normalizeRecord } from '../output/normalize';
import { outputShaper } from '../output/simplify';
import type { FieldRule } from '../parameters/fieldRule';
import { asNodeError } from '../transport/errors';
import { itemSession } from '../transport/session';
import type { OperationSpec } from './operationSpec';
import { folderOfField } from './itemQuery';
import { asOutput, type ItemRun } from './itemRun';

/** The folders this item's fields name By Path (already resolved by itemQuery: no request), by query parameter. */
async function foldersByPath(context: IExecutePaginationFunctions, spec: OperationSpec, rules: FieldRule[]): Promise<Record<string, ResolvedFolder>> {
	const folders: Record<string, ResolvedFolder> = {};
	for (const rule of rules) {
		const folder = await folderOfField(context, spec, rule);
		if (folder) folders[rule.query] = folder;
	}
	return folders;
}

/** The output fields each folder field declares for a folder given By Path (`pathOutput`), for fields a record lacks. */
function folderOutput(rules: FieldRule[], folders: Record<string, ResolvedFolder>): IDataObject {
	const fields: IDataObject = {};
	for (const rule of rules) {
		const folder = folders[rule.query];
		if (!folder || !rule.pathOutput) continue;
		fields[rule.pathOutput.id] = folder.id;
		fields[rule.pathOutput.path] = folder.path;
	}
	return fields;
}

const withFields = (record: IDataObject, fields: IDataObject): IDataObject => {
	const added = Object.entries(fields).filter(([key]) => !(key in record));
	return added.length === 0 ? record : { ...record, ...Object.fromEntries(added) };
};

/** The 404 wording of the item's request: `file "abc123"`, when the spec names what it is about and it was sent. */
function subjectOf(spec: OperationSpec, qs: IDataObject): string | undefined {
	const rule = spec.about?.rule;
	const id = rule ? qs[rule.query] : undefined;
	return rule?.notFoundAs && id !== undefined && id !== '' ? `${rule.notFoundAs} "${String(id)}"` : undefined;
}

/** One item of an operation: its request (or steps), read into records, normalized, paired with the input item. */
async function runItem(context: IExecutePaginationFunctions, spec: OperationSpec, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
	const session = await itemSession(context);
	const qs = { ...(requestData.options.qs ?? {}) } as IDataObject;
	const subject = subjectOf(spec, qs);
	const rules = (spec.sends ?? []).map((field) => field.rule);
	const folders = await foldersByPath(context, spec, rules);
	const run: ItemRun = {
		endpoint: spec.endpoint,
		session,
		context,
		qs,
		subject,
		target: session.target,
		operationName: `${spec.resource.name} → ${spec.name}`,
		folders,
	};
	const output = spec.steps ? await spec.steps(run) : asOutput(spec.result!(await session.request({ endpoint: spec.endpoint, qs, subject }), run));
	const pairedItem = { item: context.getItemIndex() };
	const added = folderOutput(rules, folders);
	const shape = outputShaper(context, spec.simplify);
	return output.map((item) => ({ ...item, json: shape(normalizeRecord(withFields(item.json, added))), pairedItem }));
}

/**
 * The operation's `pagination` hook, which n8n's declarative engine calls for each item after the preSend
 * (execution/itemQuery.ts) built its query: the item is sent through its own session (never n8n's own sender).
 * Any error leaves as a NodeApiError.
 */
export function runOperation(spec: OperationSpec) {
	return async function (this: IExecutePaginationFunctions, requestData: DeclarativeRestApiSettings.ResultOptions): Promise<INodeExecutionData[]> {
		try {
			return await runItem(this, spec, requestData);
		} catch (error) {
			throw asNodeError({ node: this.getNode(), itemIndex: this.getItemIndex(), mask: (text) => text }, error);
		}
	};
}
