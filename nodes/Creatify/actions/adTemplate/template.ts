/** Reading a template once per execution, for the checks and the price of every item that uses it. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CreatifyTemplate } from '../../../shared/helpers/listings';
import { fetchTemplate } from '../../../shared/transport/templates';

const readThisRun = new WeakMap<IExecuteFunctions, Map<string, Promise<CreatifyTemplate>>>();

/** A template that could not be read, as the error of the item that needed it. */
function unreadTemplate(ctx: IExecuteFunctions, error: unknown, id: string, itemIndex: number) {
	const notFound = error instanceof NodeApiError && error.httpCode === '404';
	const message = notFound ? `Template ${id} not found` : (error as Error).message;
	const advice = notFound
		? 'Pick the template from the list, or find its ID with Get Many Templates.'
		: ((error as NodeApiError).description ?? '');
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex,
		description:
			`${advice} Nothing was sent to Creatify for this item and no credits were spent.`.trim(),
	});
}

/**
 * The template, read once per execution of the node however many items use it; a read that failed fails every
 * item that needs the template, each error naming its item, without asking again.
 */
export async function templateForRun(
	ctx: IExecuteFunctions,
	id: string,
	itemIndex: number,
): Promise<CreatifyTemplate> {
	const known = readThisRun.get(ctx) ?? new Map<string, Promise<CreatifyTemplate>>();
	readThisRun.set(ctx, known);
	const reading = known.get(id) ?? fetchTemplate(ctx, id, itemIndex);
	known.set(id, reading);
	try {
		return await reading;
	} catch (error) {
		throw unreadTemplate(ctx, error, id, itemIndex);
	}
}
