import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../descriptions';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { create, get, getMany };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		'aurora',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a talking video from an image and audio',
				description:
					'Animate a portrait image to speak an audio track (Aurora; credits per second of audio)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an aurora video',
				description: 'Fetch one Aurora video with its status and video URL',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many aurora videos',
				description: 'Fetch Aurora videos, all or by ID',
			},
		],
		'create',
	),
	...create.description,
	...get.description,
	...getMany.description,
];
