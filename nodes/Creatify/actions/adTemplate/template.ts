/** Reading a template once per execution, for the checks and the price of every item that uses it. */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { CreatifyTemplate } from '../../../shared/helpers/schemas';
import { fetchTemplate } from '../../../shared/transport/templates';

const readThisRun = new WeakMap<IExecuteFunctions, Map<string, Promise<CreatifyTemplate>>>();

/**
 * The template, read once per execution of the node however many items use it. A read that failed is not kept:
 * the next item asks again, and its error names that item.
 */
export async function templateForRun(
	ctx: IExecuteFunctions,
	id: string,
	itemIndex: number,
): Promise<CreatifyTemplate> {
	const known = readThisRun.get(ctx) ?? new Map<string, Promise<CreatifyTemplate>>();
	readThisRun.set(ctx, known);
	let reading = known.get(id);
	if (!reading) {
		reading = fetchTemplate(ctx, id, itemIndex);
		known.set(id, reading);
		reading.then(undefined, () => known.delete(id));
	}
	return await reading;
}
