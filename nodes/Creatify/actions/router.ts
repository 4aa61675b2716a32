import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as account from './account';
import * as avatar from './avatar';
import * as productVideo from './productVideo';

type Operation = {
	execute: (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;
};

const resources: Record<string, Record<string, Operation>> = {
	productVideo: {
		generateVideo: productVideo.generateVideo,
		createVideo: productVideo.createVideo,
		generateImage: productVideo.generateImage,
		regenerateImage: productVideo.regenerateImage,
		get: productVideo.get,
		getMany: productVideo.getMany,
	},
	account: { getCredits: account.getCredits },
	avatar: { getMany: avatar.getMany },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}
	return [await handler.execute.call(this, items)];
}
