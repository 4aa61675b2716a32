import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { creditsSchema } from '../../helpers/schemas';
import { creatifyRequest } from '../../transport';
import { runPerItem } from '../common';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (itemIndex) =>
		creatifyRequest(this, {
			method: 'GET',
			path: ['remaining_credits'],
			schema: creditsSchema,
			itemIndex,
		}),
	);
}
