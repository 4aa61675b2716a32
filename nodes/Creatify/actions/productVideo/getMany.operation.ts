import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { productVideo } from '../../../shared/families/productVideo';
import { splitIds, uuidProblem } from '../../../shared/helpers/validation';
import { listByIds, listUpTo } from '../../../shared/transport/jobs';
import { invalidInput, readLimit, returnAllOrLimit, runPerItem } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Task IDs',
		name: 'taskIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f2b8c1e-…, 9a4d4c1b-…',
		description:
			'Only these tasks, separated by commas, spaces or new lines (any number; they are fetched 100 at a time). Leave empty for all tasks of the account.',
	},
	...returnAllOrLimit('getMany', 'productVideo'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (itemIndex) => {
		const ids = splitIds(this.getNodeParameter('taskIds', itemIndex, ''));
		const badId = ids.map((id) => uuidProblem('Each of the Task IDs', id)).find(Boolean);
		if (badId) invalidInput(this, itemIndex, badId);
		const max = readLimit(this, itemIndex);
		if (ids.length > 0) return await listByIds(this, productVideo, ids, { itemIndex, max });
		return await listUpTo(this, productVideo, max, { itemIndex });
	});
}
