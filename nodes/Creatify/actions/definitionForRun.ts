/**
 * Reading a definition an operation is priced and checked by (an AI Ad Template, an Asset Generator model) once
 * per execution, for every item that uses it.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What is read, and how to read it. */
export interface Definition<T> {
	/** how messages name it, e.g. 'Template' */
	noun: string;
	/** what to do when it does not exist */
	notFoundAdvice: string;
	/** the definition, or undefined when Creatify has none by that key */
	read: (ctx: IExecuteFunctions, key: string, itemIndex: number) => Promise<T | undefined>;
}

const readThisRun = new WeakMap<IExecuteFunctions, Map<string, Promise<unknown>>>();

/** A definition that could not be read, as the error of the item that needed it. */
function unread(
	ctx: IExecuteFunctions,
	definition: Definition<unknown>,
	error: unknown,
	key: string,
	itemIndex: number,
) {
	const notFound =
		error === undefined || (error instanceof NodeApiError && error.httpCode === '404');
	const message = notFound ? `${definition.noun} "${key}" not found` : (error as Error).message;
	const advice = notFound ? definition.notFoundAdvice : ((error as NodeApiError).description ?? '');
	return new NodeOperationError(ctx.getNode(), message, {
		itemIndex,
		description:
			`${advice} Nothing was sent to Creatify for this item and no credits were spent.`.trim(),
	});
}

/**
 * The definition, read once per execution of the node however many items use it; a read that failed fails every
 * item that needs it, each error naming its item, without asking again.
 */
export async function definitionForRun<T>(
	ctx: IExecuteFunctions,
	definition: Definition<T>,
	key: string,
	itemIndex: number,
): Promise<T> {
	const known = readThisRun.get(ctx) ?? new Map<string, Promise<unknown>>();
	readThisRun.set(ctx, known);
	const cacheKey = `${definition.noun}:${key}`;
	const reading = (known.get(cacheKey) ?? definition.read(ctx, key, itemIndex)) as Promise<
		T | undefined
	>;
	known.set(cacheKey, reading);
	let found: T | undefined;
	try {
		found = await reading;
	} catch (error) {
		throw unread(ctx, definition as Definition<unknown>, error, key, itemIndex);
	}
	if (found === undefined)
		throw unread(ctx, definition as Definition<unknown>, undefined, key, itemIndex);
	return found;
}
