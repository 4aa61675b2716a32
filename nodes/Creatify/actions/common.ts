import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { z } from 'zod';

import type { Schema } from '../../shared/helpers/schemas';
import { uuidProblem } from '../../shared/helpers/validation';
import { creatifyRequest } from '../../shared/transport';
import { eachItem, invalidInput } from '../engine/items';

export { invalidInput } from '../engine/items';

/** Reads a job or avatar ID from a resource locator (list, ID or expression) and checks it is a UUID. */
export function readUuid(
	ctx: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fallback?: unknown,
): string {
	const raw = ctx.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
	const value = typeof raw === 'string' ? raw.trim() : raw;
	const problem = uuidProblem(label, value);
	if (problem) invalidInput(ctx, itemIndex, problem);
	return value as string;
}

export function readOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

/**
 * Runs one request per input item. Every output item is paired with its input; under "Continue On Fail" a
 * failing item becomes an error item (with the job ID when one is known) and the other items go on.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	handle: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const outcomes = await eachItem(ctx, items.length, handle);
	return outcomes.flatMap((outcome) => {
		if ('failed' in outcome) return [outcome.failed];
		const records = Array.isArray(outcome.result) ? outcome.result : [outcome.result];
		return records.map((json) => ({ json, pairedItem: { item: outcome.itemIndex } }));
	});
}

export type Execute = (
	this: IExecuteFunctions,
	items: INodeExecutionData[],
) => Promise<INodeExecutionData[]>;

export interface OperationShow {
	resource: string;
	operation: string;
}

/** An operation's parameters, shown only for its resource and operation. */
export function operationDescription(show: OperationShow, properties: INodeProperties[]) {
	return updateDisplayOptions(
		{ show: { resource: [show.resource], operation: [show.operation] } },
		properties,
	);
}

/**
 * A free operation that sends one request (or one listing) per item: its parameters, shown only for this
 * resource and operation, and its execute() running `handle` for each item with runPerItem's pairing and errors.
 */
export function perItemOperation(
	show: OperationShow,
	properties: INodeProperties[],
	handle: (ctx: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): { description: INodeProperties[]; execute: Execute } {
	return {
		description: operationDescription(show, properties),
		execute: async function (this: IExecuteFunctions, items: INodeExecutionData[]) {
			return await runPerItem(this, items, async (itemIndex) => await handle(this, itemIndex));
		},
	};
}

/** "Return All" / "Limit", the pair every list operation shows. */
export function returnAllOrLimit(operation: string, resource: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { resource: [resource], operation: [operation] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: {
				show: { resource: [resource], operation: [operation], returnAll: [false] },
			},
		},
	];
}

/** How many records the item asks for: all with Return All, otherwise Limit. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	return Math.max(0, ctx.getNodeParameter('limit', itemIndex, 50) as number);
}

/**
 * A listing Creatify returns whole in one call (voices, templates): the records the item's Filters keep, up to
 * its Limit, as a per-item operation shown for `show`.
 */
export function filteredListing<T extends IDataObject>(
	show: OperationShow,
	properties: INodeProperties[],
	listing: { path: readonly string[]; schema: Schema<T> },
	matches: (record: T, filters: IDataObject) => boolean,
) {
	return perItemOperation(show, properties, async (ctx, itemIndex) => {
		const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const records = await creatifyRequest(ctx, {
			method: 'GET',
			path: listing.path,
			schema: z.array(listing.schema),
			itemIndex,
		});
		return records.filter((r) => matches(r, filters)).slice(0, readLimit(ctx, itemIndex));
	});
}
