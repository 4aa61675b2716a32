import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { taskSchema } from '../../helpers/schemas';
import { CREDIT_COSTS } from '../../helpers/waiting';
import { paidOperation } from '../../wait/engine';
import { waitOptions, waitProperties } from '../../wait/settings';
import { readOptions, readUuid } from '../common';
import {
	imagePromptOption,
	optionsCollection,
	paidNotice,
	taskIdLocator,
	webhookUrlOption,
} from '../descriptions';
import { buildOptionalFields } from './optionalFields';

const properties: INodeProperties[] = [
	paidNotice(CREDIT_COSTS.regenerateImage),
	taskIdLocator(
		'The task whose preview image to redo. Creatify answers with a NEW task (its regen_source_id is this task).',
	),
	...waitProperties('none'),
	optionsCollection([imagePromptOption, webhookUrlOption, ...waitOptions]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['regenerateImage'] } },
	properties,
);

export const execute = paidOperation((ctx, itemIndex) => {
	const taskId = readUuid(ctx, 'taskId', 'Task ID', itemIndex);
	return {
		request: {
			method: 'POST',
			path: ['product_to_videos', taskId, 'regen_image'],
			body: buildOptionalFields(ctx, itemIndex, readOptions(ctx, itemIndex), [
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
});
