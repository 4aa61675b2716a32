import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CreatifyTask } from '../../helpers/schemas';
import { taskListSchema } from '../../helpers/schemas';
import { chunk, splitIds, uuidProblem } from '../../helpers/validation';
import { creatifyRequest } from '../../transport';
import { IDS_PER_LIST_CALL, listTasksById } from '../../transport/tasks';
import { applyLimit, invalidInput, returnAllOrLimit, runPerItem } from '../common';

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

export async function fetchTasks(
	ctx: IExecuteFunctions,
	itemIndex: number,
	ids: string[],
	max = Infinity,
): Promise<CreatifyTask[]> {
	if (ids.length === 0) {
		return await creatifyRequest(ctx, {
			method: 'GET',
			path: ['product_to_videos'],
			schema: taskListSchema,
			itemIndex,
		});
	}
	const tasks: CreatifyTask[] = [];
	for (const batch of chunk(ids, IDS_PER_LIST_CALL)) {
		if (tasks.length >= max) break;
		tasks.push(...(await listTasksById(ctx, batch, itemIndex)));
	}
	return tasks;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (itemIndex) => {
		const ids = splitIds(this.getNodeParameter('taskIds', itemIndex, ''));
		const badId = ids.map((id) => uuidProblem('Each of the Task IDs', id)).find(Boolean);
		if (badId) invalidInput(this, itemIndex, badId);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const max = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		return applyLimit(this, itemIndex, await fetchTasks(this, itemIndex, ids, max));
	});
}
