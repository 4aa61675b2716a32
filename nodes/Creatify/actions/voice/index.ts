import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../descriptions';
import * as getMany from './getMany.operation';

/** The node's Resource option */
export const label = 'Voice';

export const operations = { getMany };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		'voice',
		[
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many voices',
				description: 'List the voices, with their accents, that can read a script',
			},
		],
		'getMany',
	),
	...getMany.description,
];
