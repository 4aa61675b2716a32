/**
 * A free operation whose requests change things at Creatify (Create Link, which may cost a credit; Update
 * Link). Rules, as for the paid engine: every item is checked before any request is sent, and an error that
 * stops the run says what the earlier items already did, so that nothing done is forgotten.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { CreatifyRequest } from '../../shared/transport';
import { creatifyRequest } from '../../shared/transport';
import { asNodeError, errorItem } from '../engine/items';
import type { Execute, OperationShow } from './common';
import { operationDescription } from './common';

type Prepared = CreatifyRequest<IDataObject> | Error;

function prepareAll(
	ctx: IExecuteFunctions,
	count: number,
	prepare: (ctx: IExecuteFunctions, itemIndex: number) => CreatifyRequest<IDataObject>,
): Prepared[] {
	return Array.from({ length: count }, (_, itemIndex) => {
		try {
			return prepare(ctx, itemIndex);
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, itemIndex);
			return error as Error;
		}
	});
}

async function sendAll(ctx: IExecuteFunctions, prepared: Prepared[], verb: string) {
	const done: string[] = [];
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, request] of prepared.entries()) {
		if (request instanceof Error) {
			output.push(errorItem(request, itemIndex));
			continue;
		}
		try {
			const record = await creatifyRequest(ctx, request);
			done.push(`item ${itemIndex}: ${String(record.id)}`);
			output.push({ json: record, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (ctx.continueOnFail()) {
				output.push(errorItem(error, itemIndex));
				continue;
			}
			const failure = asNodeError(ctx, error, itemIndex);
			if (done.length > 0)
				failure.description =
					`${failure.description ?? ''} Already ${verb} by this execution: ${done.join(', ')}.`.trim();
			throw failure;
		}
	}
	return output;
}

/** `prepare` checks one item and returns its request; `verb` says what a sent request did ("created"). */
export function checkedOperation(
	show: OperationShow,
	properties: INodeProperties[],
	prepare: (ctx: IExecuteFunctions, itemIndex: number) => CreatifyRequest<IDataObject>,
	verb: string,
): { description: INodeProperties[]; execute: Execute } {
	return {
		description: operationDescription(show, properties),
		execute: async function (this: IExecuteFunctions, items: INodeExecutionData[]) {
			return await sendAll(this, prepareAll(this, items.length, prepare), verb);
		},
	};
}
