/**
 * Render: the video of a job made with Create Preview (POST /api/custom_template_jobs/{id}/render/,
 * https://docs.creatify.ai/api-reference/custom-template-jobs/post-custom-template-job-render). The job is read
 * first (free): a job whose preview is not ready, or that has its video already, costs nothing.
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { customTemplate } from '../../../shared/families/customTemplate';
import { jobIdParameter } from '../../../shared/families/names';
import { paidOperation } from '../../engine/engine';
import { renderPlan } from '../../engine/preview';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { readUuid } from '../common';
import { jobLocator, optionsCollection, paidNotice } from '../descriptions';

const properties: INodeProperties[] = [
	paidNotice('4 Creatify credits per 30 seconds of video with the standard model'),
	jobLocator(customTemplate, 'The template video whose preview was made with Create Preview'),
	...waitProperties('poll'),
	optionsCollection(waitOptions(customTemplate)),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customTemplate'], operation: ['render'] } },
	properties,
);

export const execute = paidOperation(customTemplate, async (ctx, itemIndex) => {
	const jobId = readUuid(ctx, jobIdParameter(customTemplate), 'Template Video ID', itemIndex);
	return await renderPlan(ctx, customTemplate, jobId, '', itemIndex);
});
