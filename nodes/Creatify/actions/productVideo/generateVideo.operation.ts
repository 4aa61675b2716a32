import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { familyStep } from '../../../shared/families/types';
import { MOTION_STYLES, productVideo } from '../../../shared/families/productVideo';
import { choiceProblem } from '../../../shared/helpers/validation';
import { followUpRequest } from '../../../shared/transport/jobs';
import { paidOperation } from '../../engine/engine';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readOptions, readUuid } from '../common';
import { optionsCollection, paidNotice, jobLocator, webhookUrlOption } from '../descriptions';
import { productVideoFields } from './fields';

export const motionStyleProperty: INodeProperties = {
	displayName: 'Motion Style',
	name: 'motionStyle',
	type: 'options',
	options: [
		{
			name: 'Let Creatify Choose',
			value: '',
			description:
				'Creatify picks how the avatar moves (an empty motion_style, which its pages allow)',
		},
		{ name: 'Display', value: 'display', description: 'The avatar shows the product' },
		{ name: 'Talking', value: 'talking', description: 'The avatar talks about the product' },
	],
	default: 'display',
	description: 'How the avatar moves. Only matters when the preview image has an avatar.',
};

export const videoPromptOption: INodeProperties = {
	displayName: 'Video Prompt',
	name: 'videoPrompt',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	description: 'Guidance for the motion and the story of the video',
};

const properties: INodeProperties[] = [
	paidNotice(familyStep(productVideo, 'video').cost.text),
	jobLocator(
		productVideo,
		'The task whose preview image becomes the video: it must have a finished preview image (status "image_generated", e.g. the output of Generate Image once done).',
	),
	motionStyleProperty,
	...waitProperties('none'),
	optionsCollection([videoPromptOption, webhookUrlOption, ...waitOptions(productVideo)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['generateVideo'] } },
	properties,
);

/**
 * The body of an item's gen_video request, checked now: Create Video sends it only after the image step, but
 * must not find a bad parameter then.
 * Step 2 of https://docs.creatify.ai/api-documentation/product-to-video/product-to-video (POST
 * /api/product_to_videos/{id}/gen_video/: motion_style "one of: talking, display, or blank", video_prompt,
 * webhook_url)
 */
export function videoBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('motionStyle', itemIndex);
	// an expression giving nothing means blank, as the option of that name does
	const motionStyle = raw === null || raw === undefined ? '' : raw;
	const problem = choiceProblem('Motion Style', motionStyle, MOTION_STYLES);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const options = readOptions(ctx, itemIndex);
	return {
		motion_style: motionStyle,
		...productVideoFields(ctx, itemIndex, options, ['videoPrompt', 'webhookUrl']),
	};
}

export const execute = paidOperation(productVideo, (ctx, itemIndex) => {
	const body = videoBody(ctx, itemIndex);
	const taskId = readUuid(ctx, 'taskId', 'Task ID', itemIndex);
	return { request: followUpRequest(productVideo, taskId, body, itemIndex), step: 'video' };
});
