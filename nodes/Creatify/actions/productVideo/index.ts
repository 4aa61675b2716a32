import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../descriptions';
import * as createVideo from './createVideo.operation';
import * as generateImage from './generateImage.operation';
import * as generateVideo from './generateVideo.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as regenerateImage from './regenerateImage.operation';

export const operations = {
	createVideo,
	generateImage,
	generateVideo,
	get,
	getMany,
	regenerateImage,
};

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		'productVideo',
		[
			{
				name: 'Create Video',
				value: 'createVideo',
				action: 'Create a video from a product image',
				description:
					'Product image to finished video in one step: generates the preview image, then the video, and waits for both (4 credits)',
			},
			{
				name: 'Generate Image',
				value: 'generateImage',
				action: 'Generate a preview image from a product image',
				description: 'Start a task: a preview image from a product image (1 credit)',
			},
			{
				name: 'Generate Video',
				value: 'generateVideo',
				action: 'Generate a video from a preview image',
				description: "Turn a task's finished preview image into a video (3 credits)",
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a task',
				description: 'Fetch one task with its status and result URLs',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many tasks',
				description: 'Fetch tasks, all or by ID',
			},
			{
				name: 'Regenerate Image',
				value: 'regenerateImage',
				action: 'Regenerate a preview image',
				description: "Redo a task's preview image as a new task (1 credit)",
			},
		],
		'generateVideo',
	),
	...generateVideo.description,
	...createVideo.description,
	...generateImage.description,
	...regenerateImage.description,
	...get.description,
	...getMany.description,
];
