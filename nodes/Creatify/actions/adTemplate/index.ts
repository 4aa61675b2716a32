import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../descriptions';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getTemplates from './getTemplates.operation';

export const operations = { create, get, getMany, getTemplates };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		'adTemplate',
		[
			{
				name: 'Create Job',
				value: 'create',
				action: 'Create assets from an ad template',
				description:
					"Generate ad images or videos from a template and its inputs (the template's credit cost)",
			},
			{
				name: 'Get Job',
				value: 'get',
				action: 'Get a template job',
				description: 'Fetch one template job with its status and assets',
			},
			{
				name: 'Get Many Jobs',
				value: 'getMany',
				action: 'Get many template jobs',
				description: 'Fetch template jobs, all or by ID',
			},
			{
				name: 'Get Many Templates',
				value: 'getTemplates',
				action: 'Get many ad templates',
				description: 'List the AI Ad Templates with their inputs and credit costs',
			},
		],
		'create',
	),
	...create.description,
	...get.description,
	...getMany.description,
	...getTemplates.description,
];
