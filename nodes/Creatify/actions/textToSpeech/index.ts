import type { INodeProperties } from 'n8n-workflow';

import { textToSpeech as family } from '../../../shared/families/textToSpeech';
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
				action: 'Create a voice-over from a script',
				description:
					'Read a script with a voice into an audio file (1 credit per 30 seconds of audio)',
			},
			...reads.options,
		],
		'create',
	),
	...create.description,
	...reads.description,
];
