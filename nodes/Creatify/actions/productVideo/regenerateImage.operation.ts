import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskSchema } from '../../helpers/schemas';
import { readOptions, readUuid, runPaidPerItem } from '../common';
import { imagePromptOption, paidNotice, taskIdLocator, webhookUrlOption } from '../descriptions';
import { buildOptionalFields } from './optionalFields';

const properties: INodeProperties[] = [
	paidNotice(1),
	taskIdLocator(
		'The task whose preview image to redo. Creatify answers with a NEW task (its regen_source_id is this task).',
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [imagePromptOption, webhookUrlOption],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['regenerateImage'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPaidPerItem(this, items, (itemIndex) => {
		const taskId = readUuid(this, 'taskId', 'Task ID', itemIndex);
		return {
			method: 'POST',
			path: ['product_to_videos', taskId, 'regen_image'],
			body: buildOptionalFields(this, itemIndex, readOptions(this, itemIndex)),
			schema: taskSchema,
			itemIndex,
			taskId,
			spendsCredits: true,
		};
	});
}
