/**
 * Render: the video of a job made with Create Preview (POST /api/lipsyncs_v2/{id}/render/, no body,
 * https://docs.creatify.ai/api-reference/lipsyncs_v2/post-apilipsyncs-render). The job is read first (free): a
 * job whose preview is not ready, or that has its video already, costs nothing.
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { RENDER_CREDITS_PER_30_SECONDS, aiAvatar } from '../../../shared/families/aiAvatar';
import { jobIdParameter } from '../../../shared/families/names';
import { paidOperation } from '../../engine/engine';
import { renderPlan } from '../../engine/preview';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { readUuid } from '../common';
import { jobLocator, optionsCollection, paidNotice } from '../descriptions';

const properties: INodeProperties[] = [
	paidNotice(
		`${RENDER_CREDITS_PER_30_SECONDS} Creatify credits per 30 seconds of video with the standard model`,
	),
	jobLocator(aiAvatar, 'The avatar video whose preview was made with Create Preview'),
	...waitProperties('poll'),
	optionsCollection(waitOptions(aiAvatar)),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['aiAvatar'], operation: ['render'] } },
	properties,
);

export const execute = paidOperation(aiAvatar, async (ctx, itemIndex) => {
	const jobId = readUuid(ctx, jobIdParameter(aiAvatar), 'Avatar Video ID', itemIndex);
	return await renderPlan(ctx, aiAvatar, jobId, '', itemIndex);
});
