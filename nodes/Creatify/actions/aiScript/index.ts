import type { INodeProperties } from 'n8n-workflow';

import { aiScript as family } from '../../../shared/families/aiScript';
import { operationProperty } from '../descriptions';
import { jobReads } from '../jobOperations';
import * as create from './create.operation';

const reads = jobReads(family);

export const operations = { ...reads.operations, create };

export const description: INodeProperties[] = [
	operationProperty<keyof typeof operations>(
		family.name,
		[
			{
				name: 'Create',
				value: 'create',
				action: 'Write ad scripts for a product',
				description:
					"Ad scripts for a product page or link, one per script style; the first is also in the output's script field, ready for URL to Video, AI Avatar or Text to Speech (about 1 credit)",
			},
			...reads.options,
		],
		'create',
	),
	...create.description,
	...reads.description,
];
