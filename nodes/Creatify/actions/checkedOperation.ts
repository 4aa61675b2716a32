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
import type { ItemOutcome } from '../engine/items';
import { eachItem, failedItem } from '../engine/items';
import type { Execute, OperationShow } from './common';
import { operationDescription } from './common';

/** Sends each checked item's request in order; a failure that stops the run lists what was already done. */
async function sendAll(
	ctx: IExecuteFunctions,
	prepared: Array<ItemOutcome<CreatifyRequest<IDataObject>>>,
	verb: string,
) {
	const done: string[] = [];
	const listDone = (failure: { description?: string | null }) => {
		if (done.length === 0) return;
		failure.description =
			`${failure.description ?? ''} Already ${verb} by this execution: ${done.join(', ')}.`.trim();
	};
	const output: INodeExecutionData[] = [];
	for (const outcome of prepared) {
		if ('failed' in outcome) {
			output.push(outcome.failed);
			continue;
		}
		try {
			const record = await creatifyRequest(ctx, outcome.result);
			done.push(`item ${outcome.itemIndex}: ${String(record.id)}`);
			output.push({ json: record, pairedItem: { item: outcome.itemIndex } });
		} catch (error) {
			output.push(failedItem(ctx, error, outcome.itemIndex, listDone));
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
			const prepared = await eachItem(this, items.length, (itemIndex) => prepare(this, itemIndex));
			return await sendAll(this, prepared, verb);
		},
	};
}
