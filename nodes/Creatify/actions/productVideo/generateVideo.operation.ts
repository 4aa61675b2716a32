import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { CreatifyTask } from '../../helpers/schemas';
import { MOTION_STYLES, taskSchema } from '../../helpers/schemas';
import { choiceProblem } from '../../helpers/validation';
import { CREDIT_COSTS } from '../../helpers/waiting';
import type { CreatifyRequest } from '../../transport';
import { paidOperation } from '../../wait/engine';
import { waitOptions, waitProperties } from '../../wait/settings';
import { invalidInput, readOptions, readUuid } from '../common';
import { optionsCollection, paidNotice, taskIdLocator, webhookUrlOption } from '../descriptions';
import { buildOptionalFields } from './optionalFields';

export const motionStyleProperty: INodeProperties = {
	displayName: 'Motion Style',
	name: 'motionStyle',
	type: 'options',
	options: [
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
	paidNotice(CREDIT_COSTS.generateVideo),
	taskIdLocator(
		'The task whose preview image becomes the video. Its status must be "image_generated" (the output of Generate Image once finished).',
	),
	motionStyleProperty,
	...waitProperties('none'),
	optionsCollection([videoPromptOption, webhookUrlOption, ...waitOptions]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['generateVideo'] } },
	properties,
);

/**
 * Checks an item's video parameters now and returns the gen_video request for any task ID: Create Video knows
 * the task only after its image step, but must not find a bad parameter then.
 */
export function videoRequestFor(
	ctx: IExecuteFunctions,
	itemIndex: number,
): (taskId: string) => CreatifyRequest<CreatifyTask> {
	const motionStyle = ctx.getNodeParameter('motionStyle', itemIndex) as string;
	const problem = choiceProblem('Motion Style', motionStyle, MOTION_STYLES);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const body = {
		motion_style: motionStyle,
		...buildOptionalFields(ctx, itemIndex, readOptions(ctx, itemIndex), [
			'videoPrompt',
			'webhookUrl',
		]),
	};
	return (taskId) => ({
		method: 'POST',
		path: ['product_to_videos', taskId, 'gen_video'],
		body,
		schema: taskSchema,
		itemIndex,
		taskId,
		spendsCredits: true,
	});
}

export const execute = paidOperation((ctx, itemIndex) => ({
	request: videoRequestFor(ctx, itemIndex)(readUuid(ctx, 'taskId', 'Task ID', itemIndex)),
	step: 'video',
	credits: CREDIT_COSTS.generateVideo,
}));
