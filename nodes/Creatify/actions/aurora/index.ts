import type { INodeProperties } from 'n8n-workflow';

import { aurora as family } from '../../../shared/families/aurora';
import { operationProperty } from '../descriptions';
import { jobReads } from '../jobOperations';
import * as create from './create.operation';

const reads = jobReads(family);

export const operations = {
	...reads.operations,
	create,
};

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		family.name,
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a talking video from an image and audio',
				description:
					'Animate a portrait image to speak an audio track (Aurora; credits per second of audio)',
			},
			...reads.options,
		],
		'create',
	),
	...create.description,
	...reads.description,
];
