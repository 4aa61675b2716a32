/** Output items for failures, shared by the paid engine and the free operations. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The json of an item for a failure under "Continue On Fail": `{ error, details }`. n8n sends items made only of
 * error / message / details to the node's error output (On Error: Continue (using error output)); the details
 * keep what the user needs: the job ID, the HTTP status, the advice, and the job record when it failed.
 */
export function errorItemJson(error: Error, job?: IDataObject): IDataObject {
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
	if (job) details.task = job;
	return Object.keys(details).length ? { error: error.message, details } : { error: error.message };
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
