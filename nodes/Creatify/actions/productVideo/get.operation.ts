import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { productVideo } from '../../../shared/families/productVideo';
import { getJob } from '../../../shared/transport/jobs';
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
	return await runPerItem(this, items, async (itemIndex) =>
		getJob(this, productVideo, readUuid(this, 'taskId', 'Task ID', itemIndex), itemIndex),
	);
}
