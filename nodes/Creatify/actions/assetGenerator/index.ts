import type { INodeProperties } from 'n8n-workflow';

import { assetGenerator as family } from '../../../shared/families/assetGenerator';
import { operationProperty } from '../descriptions';
import { jobReads } from '../jobOperations';
import * as create from './create.operation';
import * as getModels from './getModels.operation';

const reads = jobReads(family);

export const operations = { ...reads.operations, create, getModels };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		family.name,
		[
			{
				name: 'Generate',
				value: 'create',
				action: 'Generate an image or video with an AI model',
				description:
					"An image, video or audio from Veo, Kling, Nano Banana, Flux or another model, with the inputs that model takes; waits, and can download every output (the model's price per output)",
			},
			{
				name: 'Get Many Models',
				value: 'getModels',
				action: 'Get many AI models',
				description: 'List the models with their input schemas and documented prices',
			},
			...reads.options,
		],
		'create',
	),
	...create.description,
	...getModels.description,
	...reads.description,
];
