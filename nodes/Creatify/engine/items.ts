/** Output items for failures, shared by the paid engine and the free operations. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The json of an item for a failure under "Continue On Fail": `{ error: { message, description, httpCode, taskId,
 * task } }`, where `task` is the job record when the job itself failed.
 *
 * Rule: the json has the one key `error`. n8n picks the items for the error output (On Error: Continue (using
 * error output)) by their json: 2.x takes those made of error / message / details only, 1.x only those that are
 * exactly `{ error }` or `{ error, message }`. Setting the item's own `error` field would route it too, but n8n
 * then replaces the json with the bare message, and the job ID and record would be lost.
 */
export function errorItemJson(error: Error, job?: IDataObject): IDataObject {
	const failure: IDataObject = { message: error.message };
	const described = error as Error & { description?: string | null };
	if (described.description) failure.description = described.description;
	if (error instanceof NodeApiError && error.httpCode) failure.httpCode = error.httpCode;
	if (
		(error instanceof NodeApiError || error instanceof NodeOperationError) &&
		error.context.jobId
	) {
		// `taskId` is the documented name of this output field for every family
		failure.taskId = error.context.jobId as string;
	}
	if (job) failure.task = job;
	return { error: failure };
}

/** The error as n8n shows it: n8n's own errors as they are, anything else wrapped with the item. */
export function asNodeError(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	error: unknown,
	itemIndex: number,
): NodeError {
	return error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

type NodeError = NodeApiError | NodeOperationError;

/**
 * The node's one policy for an item that fails: with "Continue On Fail" it becomes an error item paired with its
 * input and the run goes on; otherwise the run stops with the node's error, naming the item. `beforeStop` may add
 * to that error what the run already did, so that nothing done is forgotten. Paid requests sent together
 * (PaidRun) apply the same rule after the batch: a request in flight is never abandoned, so their failures are
 * collected and the run stops once those requests have been answered.
 */
export function failedItem(
	ctx: Pick<IExecuteFunctions, 'getNode' | 'continueOnFail'>,
	error: unknown,
	itemIndex: number,
	beforeStop?: (failure: NodeError) => void,
): INodeExecutionData {
	if (ctx.continueOnFail()) return errorItem(error, itemIndex);
	const failure = asNodeError(ctx, error, itemIndex);
	beforeStop?.(failure);
	throw failure;
}

export type ItemOutcome<T> =
	| { itemIndex: number; result: T }
	| { itemIndex: number; failed: INodeExecutionData };

/** Runs `work` for each item in order under the policy of failedItem: each item's result or its error item. */
export async function eachItem<T>(
	ctx: Pick<IExecuteFunctions, 'getNode' | 'continueOnFail'>,
	count: number,
	work: (itemIndex: number) => T | Promise<T>,
): Promise<Array<ItemOutcome<T>>> {
	const outcomes: Array<ItemOutcome<T>> = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			outcomes.push({ itemIndex, result: await work(itemIndex) });
		} catch (error) {
			outcomes.push({ itemIndex, failed: failedItem(ctx, error, itemIndex) });
		}
	}
	return outcomes;
}

export function errorItem(
	error: unknown,
	itemIndex: number,
	job?: IDataObject,
): INodeExecutionData {
	return { json: errorItemJson(error as Error, job), pairedItem: { item: itemIndex } };
}

/** Throws the input error n8n shows for a parameter: it names the item and says how to fix the value. */
export function invalidInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	problem: string,
	advice = 'Fix the value and run again.',
): never {
	throw new NodeOperationError(ctx.getNode(), `${problem} (item ${itemIndex})`, {
		itemIndex,
		description: `Nothing was sent to Creatify and no credits were spent. ${advice}`,
	});
}
