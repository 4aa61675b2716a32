import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskSchema } from '../../helpers/schemas';
import { creatifyRequest } from '../../transport';
import { readUuid, runPerItem } from '../common';
import { taskIdLocator } from '../descriptions';

const properties: INodeProperties[] = [taskIdLocator('The task to fetch')];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (itemIndex) => {
		const taskId = readUuid(this, 'taskId', 'Task ID', itemIndex);
		return await creatifyRequest(this, {
			method: 'GET',
			path: ['product_to_videos', taskId],
			schema: taskSchema,
			itemIndex,
			taskId,
		});
	});
}
