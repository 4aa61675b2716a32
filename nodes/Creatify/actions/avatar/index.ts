import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../descriptions';
import * as getMany from './getMany.operation';

/** The node's Resource option */
export const label = 'Avatar';

export const operations = { getMany };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		'avatar',
		[
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many avatars',
				description: 'List the avatars (personas) that can present a product',
			},
		],
		'getMany',
	),
	...getMany.description,
];
