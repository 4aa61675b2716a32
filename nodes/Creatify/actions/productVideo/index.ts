import type { INodeProperties } from 'n8n-workflow';

import { productVideo as family } from '../../../shared/families/productVideo';
import { operationProperty } from '../descriptions';
import { jobReads } from '../jobOperations';
import * as createVideo from './createVideo.operation';
import * as generateImage from './generateImage.operation';
import * as generateVideo from './generateVideo.operation';
import * as regenerateImage from './regenerateImage.operation';
import * as regenerateVideo from './regenerateVideo.operation';

const reads = jobReads(family);

export const operations = {
	...reads.operations,
	createVideo,
	generateImage,
	generateVideo,
	regenerateImage,
	regenerateVideo,
};

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		family.name,
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
				name: 'Regenerate Image',
				value: 'regenerateImage',
				action: 'Regenerate a preview image',
				description: "Redo a task's preview image as a new task (1 credit)",
			},
			{
				name: 'Regenerate Video',
				value: 'regenerateVideo',
				action: 'Regenerate a video',
				description: "Redo a task's video as a new task (1 credit)",
			},
			...reads.options,
		],
		'generateVideo',
	),
	...generateVideo.description,
	...createVideo.description,
	...generateImage.description,
	...regenerateImage.description,
	...regenerateVideo.description,
	...reads.description,
];
