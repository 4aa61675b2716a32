/**
 * Create Video: a Custom Template's video rendered directly (POST /api/custom_template_jobs/,
 * https://creatify.mintlify.app/api-reference/custom-template-jobs/post-custom-template-job).
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customTemplate } from '../../../shared/families/customTemplate';
import { familyStep } from '../../../shared/families/types';
import { paidOperation } from '../../engine/engine';
import { jobCreation } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { optionsCollection, paidNotice } from '../descriptions';
import { templateOptions, templateProperties, templateRequest } from './request';

const properties: INodeProperties[] = [
	paidNotice(familyStep(customTemplate, 'video').cost.text),
	...templateProperties,
	...waitProperties('poll'),
	optionsCollection([...templateOptions, ...waitOptions(customTemplate)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customTemplate'], operation: ['createVideo'] } },
	properties,
);

export const execute = paidOperation(customTemplate, (ctx, itemIndex) => {
	const { body, costFacts } = templateRequest(ctx, itemIndex);
	return {
		request: jobCreation(customTemplate, itemIndex, 'template video', body),
		step: 'video',
		costFacts,
	};
});
