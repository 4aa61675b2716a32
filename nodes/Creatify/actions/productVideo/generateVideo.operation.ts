import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { MOTION_STYLES, taskSchema } from '../../helpers/schemas';
import { choiceProblem } from '../../helpers/validation';
import { invalidInput, readOptions, readUuid, runPaidPerItem } from '../common';
import { paidNotice, taskIdLocator, webhookUrlOption } from '../descriptions';
import { buildOptionalFields } from './optionalFields';

const properties: INodeProperties[] = [
	paidNotice(3),
	taskIdLocator(
		'The task whose preview image becomes the video. Its status must be "image_generated" (the output of Generate Image once finished).',
	),
	{
		displayName: 'Motion Style',
		name: 'motionStyle',
		type: 'options',
		options: [
			{ name: 'Display', value: 'display', description: 'The avatar shows the product' },
			{ name: 'Talking', value: 'talking', description: 'The avatar talks about the product' },
		],
		default: 'display',
		description: 'How the avatar moves. Only matters when the preview image has an avatar.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Video Prompt',
				name: 'videoPrompt',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Guidance for the motion and the story of the video',
			},
			webhookUrlOption,
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['productVideo'], operation: ['generateVideo'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPaidPerItem(this, items, (itemIndex) => {
		const taskId = readUuid(this, 'taskId', 'Task ID', itemIndex);
		const motionStyle = this.getNodeParameter('motionStyle', itemIndex) as string;
		const problem = choiceProblem('Motion Style', motionStyle, MOTION_STYLES);
		if (problem) invalidInput(this, itemIndex, problem);
		const body = {
			motion_style: motionStyle,
			...buildOptionalFields(this, itemIndex, readOptions(this, itemIndex)),
		};
		return {
			method: 'POST',
			path: ['product_to_videos', taskId, 'gen_video'],
			body,
			schema: taskSchema,
			itemIndex,
			taskId,
			spendsCredits: true,
		};
	});
}
