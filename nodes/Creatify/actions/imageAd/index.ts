import type { INodeProperties } from 'n8n-workflow';

import { imageAd as family } from '../../../shared/families/imageAd';
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
				action: 'Create ad banners from an image',
				description:
					'Ad banners in the standard web sizes (IAB, e.g. 300x250, 728x90) from one product image; waits, and can download all or some sizes (2 credits)',
			},
			...reads.options,
		],
		'create',
	),
	...create.description,
	...reads.description,
];
