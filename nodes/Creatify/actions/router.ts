import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as account from './account';
import * as adTemplate from './adTemplate';
import * as aurora from './aurora';
import * as avatar from './avatar';
import * as productVideo from './productVideo';
import * as textToSpeech from './textToSpeech';
import * as urlToVideo from './urlToVideo';
import * as voice from './voice';

type Operation = {
	execute: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;
};

/** Every resource with its operations; the names are the node's parameter values. */
export const resources = {
	account: account.operations,
	avatar: avatar.operations,
	productVideo: productVideo.operations,
	urlToVideo: urlToVideo.operations,
	textToSpeech: textToSpeech.operations,
	aurora: aurora.operations,
	adTemplate: adTemplate.operations,
	voice: voice.operations,
} satisfies Record<string, Record<string, Operation>>;

export type ResourceName = keyof typeof resources;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations: Record<string, Operation> | undefined = resources[resource as ResourceName];
	const handler = operations?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}
	return [await handler.execute.call(this, items)];
}
