import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../descriptions';
import * as getCredits from './getCredits.operation';

/** The node's Resource option */
export const label = 'Account';

export const operations = { getCredits };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		'account',
		[
			{
				name: 'Get Credits',
				value: 'getCredits',
				action: 'Get remaining credits',
				description: 'How many credits the account has left',
			},
		],
		'getCredits',
	),
	...getCredits.description,
];
