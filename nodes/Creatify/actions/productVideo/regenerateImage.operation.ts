import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { familyStep } from '../../../shared/families/types';
import { productVideo } from '../../../shared/families/productVideo';
import { paidOperation } from '../../engine/engine';
import { paidJobRequest } from '../../../shared/transport/jobs';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { readOptions, readUuid } from '../common';
import {
	imagePromptOption,
	optionsCollection,
	paidNotice,
	jobLocator,
	webhookUrlOption,
} from '../descriptions';
import { productVideoFields } from './fields';

const properties: INodeProperties[] = [
	paidNotice(familyStep(productVideo, 'image').cost.text),
	jobLocator(
		productVideo,
		'The task whose preview image to redo. Creatify answers with a NEW task (its regen_source_id is this task).',
	),
	...waitProperties('none'),
	optionsCollection([
		imagePromptOption,
		webhookUrlOption,
		...waitOptions(productVideo, { download: 'image' }),
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['regenerateImage'] } },
	properties,
);

/** https://docs.creatify.ai/api-reference/product_to_video/post-apiproduct_to_videos-regen_image */
export const execute = paidOperation(productVideo, (ctx, itemIndex) => {
	const taskId = readUuid(ctx, 'taskId', 'Task ID', itemIndex);
	const options = readOptions(ctx, itemIndex);
	const body = productVideoFields(ctx, itemIndex, options, ['imagePrompt', 'webhookUrl']);
	const path = [...productVideo.path, taskId, 'regen_image'];
	return { request: paidJobRequest(productVideo, taskId, path, body, itemIndex), step: 'image' };
});
