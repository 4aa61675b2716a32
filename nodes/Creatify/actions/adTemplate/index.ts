import type { INodeProperties } from 'n8n-workflow';

import { adTemplate as family } from '../../../shared/families/adTemplate';
import { operationProperty } from '../descriptions';
import { jobReads } from '../jobOperations';
import * as create from './create.operation';
import * as getTemplates from './getTemplates.operation';

const reads = jobReads(family, { get: 'Get Job', getMany: 'Get Many Jobs' });

export const operations = {
	...reads.operations,
	create,
	getTemplates,
};

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		family.name,
		[
			{
				name: 'Create Job',
				value: 'create',
				action: 'Create assets from an ad template',
				description:
					"Generate ad images or videos from a template and its inputs (the template's credit cost)",
			},
			{
				name: 'Get Many Templates',
				value: 'getTemplates',
				action: 'Get many ad templates',
				description: 'List the AI Ad Templates with their inputs and credit costs',
			},
			...reads.options,
		],
		'create',
	),
	...create.description,
	...getTemplates.description,
	...reads.description,
];
