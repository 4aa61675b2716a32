import type { INodeProperties } from 'n8n-workflow';

import { aiAvatarV1 as family } from '../../../shared/families/aiAvatarV1';
import { operationProperty } from '../descriptions';
import { jobReads } from '../jobOperations';
import * as createVideo from './createVideo.operation';

const reads = jobReads(family);

export const operations = { ...reads.operations, createVideo };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		family.name,
		[
			{
				name: 'Create Video',
				value: 'createVideo',
				action: 'Create a lipsync video from a script or your own audio',
				description:
					'An avatar speaks a script or lip-syncs your audio file, on a green screen or a transparent background if you want; waits (5 credits per 30 seconds)',
			},
			...reads.options,
		],
		'createVideo',
	),
	...createVideo.description,
	...reads.description,
];
