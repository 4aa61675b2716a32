import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskSchema } from '../../helpers/schemas';
import { CREDIT_COSTS } from '../../helpers/waiting';
import { runPaidItems } from '../../wait/engine';
import { readWaitSettings, waitOptions, waitProperties } from '../../wait/settings';
import { readOptions, readUuid } from '../common';
import { imagePromptOption, paidNotice, taskIdLocator, webhookUrlOption } from '../descriptions';
import { buildOptionalFields } from './optionalFields';

const properties: INodeProperties[] = [
	paidNotice(CREDIT_COSTS.regenerateImage),
	taskIdLocator(
		'The task whose preview image to redo. Creatify answers with a NEW task (its regen_source_id is this task).',
	),
	...waitProperties('none'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [imagePromptOption, webhookUrlOption, ...waitOptions],
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
	return await runPaidItems(
		this,
		items,
		(itemIndex) => {
			const taskId = readUuid(this, 'taskId', 'Task ID', itemIndex);
			return {
				request: {
					method: 'POST',
					path: ['product_to_videos', taskId, 'regen_image'],
					body: buildOptionalFields(this, itemIndex, readOptions(this, itemIndex), [
						'imagePrompt',
						'webhookUrl',
					]),
					schema: taskSchema,
					itemIndex,
					taskId,
					spendsCredits: true,
				},
				step: 'image',
				credits: CREDIT_COSTS.regenerateImage,
			};
		},
		readWaitSettings(this),
	);
}
