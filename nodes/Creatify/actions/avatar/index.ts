import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['avatar'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many avatars',
				description: 'List the avatars (personas) that can present a product',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
