/**
 * Create Preview: a cheap preview of a Custom Template's video, to look at before paying for the render
 * (POST /api/custom_template_jobs/preview_async/, which Creatify recommends over the blocking /preview/:
 * https://docs.creatify.ai/api-reference/custom-template-jobs/post-custom-template-job-preview-async).
 * The preview is a link to Creatify's web player (`preview`), not a video file; Render makes the video.
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
	paidNotice(familyStep(customTemplate, 'preview').cost.text),
	...templateProperties,
	...waitProperties('poll'),
	optionsCollection([...templateOptions, ...waitOptions(customTemplate, { download: false })]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customTemplate'], operation: ['createPreview'] } },
	properties,
);

export const execute = paidOperation(customTemplate, (ctx, itemIndex) => {
	const { body, costFacts } = templateRequest(ctx, itemIndex);
	const request = jobCreation(customTemplate, itemIndex, 'template preview', body);
	return {
		request: { ...request, path: [...customTemplate.path, 'preview_async'] },
		step: 'preview',
		costFacts,
	};
});
