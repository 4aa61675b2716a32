import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../descriptions';
import * as getCategories from './getCategories.operation';
import * as getMany from './getMany.operation';

/** The node's Resource option */
export const label = 'Music';

export const operations = { getCategories, getMany };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		'music',
		[
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many music tracks',
				description:
					"Tracks of Creatify's music library, by category or search; a track's URL can be URL to Video's background music",
			},
			{
				name: 'Get Categories',
				value: 'getCategories',
				action: 'Get music categories',
				description: "The categories of Creatify's music library",
			},
		],
		'getMany',
	),
	...getMany.description,
	...getCategories.description,
];
