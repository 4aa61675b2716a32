import type { INodeProperties } from 'n8n-workflow';

import { avatar as family } from '../../../shared/families/avatar';
import { jobLocator, operationProperty } from '../descriptions';
import { jobGet } from '../jobOperations';
import * as create from './create.operation';
import * as getMany from './getMany.operation';

const get = jobGet(family, jobLocator(family, 'The avatar to fetch'));

export const operations = { create, get, getMany };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		'avatar',
		[
			{
				name: 'Create Custom Avatar',
				value: 'create',
				action: 'Create a custom avatar',
				description:
					'An avatar of your own from a video of a person speaking; Creatify takes one to two days to process and review it (no credits)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an avatar',
				description:
					'Fetch one avatar: a custom one shows its processing status and whether it is active',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many avatars',
				description: 'List the avatars (personas) that can present a product',
			},
		],
		'getMany',
	),
	...create.description,
	...get.description,
	...getMany.description,
];
