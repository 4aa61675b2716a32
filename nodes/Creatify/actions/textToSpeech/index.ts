import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../descriptions';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations = { create, get, getMany };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		'textToSpeech',
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Create a voice-over from a script',
				description:
					'Read a script with a voice into an audio file (1 credit per 30 seconds of audio)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a voice-over',
				description: 'Fetch one voice-over with its status and audio URL',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many voice-overs',
				description: 'Fetch voice-overs, all or by ID',
			},
		],
		'create',
	),
	...create.description,
	...get.description,
	...getMany.description,
];
