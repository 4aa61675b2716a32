import type { INodeProperties } from 'n8n-workflow';

import { customTemplate as family } from '../../../shared/families/customTemplate';
import { operationProperty } from '../descriptions';
import { jobReads } from '../jobOperations';
import * as createPreview from './createPreview.operation';
import * as createVideo from './createVideo.operation';
import * as render from './render.operation';

const reads = jobReads(family);

export const operations = { ...reads.operations, createPreview, createVideo, render };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		family.name,
		[
			{
				name: 'Create Video',
				value: 'createVideo',
				action: 'Create a video from a custom template',
				description:
					"A template made in Creatify's app plus this item's variables becomes a video; waits (5 credits per 30 seconds)",
			},
			{
				name: 'Create Preview',
				value: 'createPreview',
				action: 'Create a custom template video preview',
				description:
					'A cheap preview to look at before paying for the video (1 credit per 30 seconds)',
			},
			{
				name: 'Render',
				value: 'render',
				action: 'Render a custom template preview into a video',
				description: 'Turn a preview into the finished video (4 credits per 30 seconds)',
			},
			...reads.options,
		],
		'createVideo',
	),
	...createVideo.description,
	...createPreview.description,
	...render.description,
	...reads.description,
];
