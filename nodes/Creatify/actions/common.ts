import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { uuidProblem } from '../helpers/validation';

/** Throws the input error n8n shows for a parameter: it names the item and says how to fix the value. */
export function invalidInput(ctx: IExecuteFunctions, itemIndex: number, problem: string): never {
	throw new NodeOperationError(ctx.getNode(), `${problem} (item ${itemIndex})`, {
		itemIndex,
		description:
			'Nothing was sent to Creatify and no credits were spent. Fix the value and run again.',
	});
}

/** Reads a task or avatar ID from a resource locator (list, ID or expression) and checks it is a UUID. */
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
 * The json of an item for a failure under "Continue On Fail": `{ error, details }`. n8n sends items made only of
 * error / message / details to the node's error output (On Error: Continue (using error output)); the details
 * keep what the user needs: the task ID, the HTTP status, the advice, and the task record when it failed.
 */
export function errorItemJson(error: Error, task?: IDataObject): IDataObject {
	const details: IDataObject = {};
	const described = error as Error & { description?: string | null };
	if (described.description) details.description = described.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	if (
		(error instanceof NodeApiError || error instanceof NodeOperationError) &&
		error.context.taskId
	) {
		details.taskId = error.context.taskId as string;
	}
	if (task) details.task = task;
	return Object.keys(details).length ? { error: error.message, details } : { error: error.message };
}

export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number) {
	return error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

export function errorItem(
	error: unknown,
	itemIndex: number,
	task?: IDataObject,
): INodeExecutionData {
	return { json: errorItemJson(error as Error, task), pairedItem: { item: itemIndex } };
}

/**
 * Runs one request per input item. Every output item is paired with its input; under "Continue On Fail" a
 * failing item becomes an error item (with the task ID when one is known) and the other items go on.
 */
export async function runPerItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	handle: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handle(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, itemIndex);
			output.push(errorItem(error, itemIndex));
		}
	}
	return output;
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

export function applyLimit<T>(ctx: IExecuteFunctions, itemIndex: number, values: T[]): T[] {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return values;
	const limit = ctx.getNodeParameter('limit', itemIndex, 50) as number;
	return values.slice(0, Math.max(0, limit));
}
