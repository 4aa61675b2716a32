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
		error.context.taskId
	) {
		failure.taskId = error.context.taskId as string;
	}
	if (job) failure.task = job;
	return { error: failure };
}

/** The error as n8n shows it: n8n's own errors as they are, anything else wrapped with the item. */
export function asNodeError(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	error: unknown,
	itemIndex: number,
) {
	return error instanceof NodeApiError || error instanceof NodeOperationError
		? error
		: new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
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
