/**
 * Regenerate Video: a new video of a task's preview image, as a new task
 * (POST /api/product_to_videos/{id}/regen_video/, "Regenerating a video this endpoint costs 1 credit";
 * https://creatify.mintlify.app/api-reference/product_to_video/post-apiproduct_to_videos-regen_video).
 * The page's body was not readable: the node sends gen_video's fields (motion_style, video_prompt, webhook_url),
 * as regen_image takes its sibling's fields. The answer is the new task (regen_source_id: the task given).
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { REGENERATE_VIDEO_CREDITS, productVideo } from '../../../shared/families/productVideo';
import { paidJobRequest } from '../../../shared/transport/jobs';
import { paidOperation } from '../../engine/engine';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { readUuid } from '../common';
import { jobLocator, optionsCollection, paidNotice, webhookUrlOption } from '../descriptions';
import { motionStyleProperty, videoBody, videoPromptOption } from './generateVideo.operation';

const properties: INodeProperties[] = [
	paidNotice(`${REGENERATE_VIDEO_CREDITS} Creatify credit`),
	jobLocator(
		productVideo,
		'The task whose video to redo. Creatify answers with a NEW task (its regen_source_id is this task).',
	),
	motionStyleProperty,
	...waitProperties('none'),
	optionsCollection([videoPromptOption, webhookUrlOption, ...waitOptions(productVideo)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['regenerateVideo'] } },
	properties,
);

export const execute = paidOperation(productVideo, (ctx, itemIndex) => {
	const body = videoBody(ctx, itemIndex);
	const taskId = readUuid(ctx, 'taskId', 'Task ID', itemIndex);
	const path = [...productVideo.path, taskId, 'regen_video'];
	return {
		request: paidJobRequest(productVideo, taskId, path, body, itemIndex),
		step: 'video',
		costFacts: { regenerate: true },
	};
});
