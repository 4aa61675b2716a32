/**
 * Render: the video of a job's chosen preview, made with Create Previews
 * (POST /api/link_to_videos/{id}/render/ for a job with one preview, /render_single_preview/ with the preview's
 * media_job otherwise; https://creatify.mintlify.app/api-reference/link_to_videos/post-apilink_to_videos_render).
 * The job is read first (free): a job whose previews are not ready, or a preview it does not list, costs nothing.
 */
import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { jobIdParameter } from '../../../shared/families/names';
import { RENDER_CREDITS_PER_30_SECONDS, urlToVideo } from '../../../shared/families/urlToVideo';
import { paidOperation } from '../../engine/engine';
import { renderPlan } from '../../engine/preview';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { readOptions, readUuid } from '../common';
import { jobLocator, optionsCollection, paidNotice, webhookUrlOption } from '../descriptions';
import { SHARED_FIELDS, buildOptionalFields } from '../optionalFields';

const properties: INodeProperties[] = [
	paidNotice(`${RENDER_CREDITS_PER_30_SECONDS} Creatify credits per 30 seconds of video`),
	jobLocator(urlToVideo, 'The video job whose previews were made with Create Previews'),
	{
		displayName: 'Preview',
		name: 'preview',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.previews[0].media_job }}',
		description:
			'Which preview to turn into the video: its media_job, from the previews Create Previews listed. Leave empty for a job with a single preview.',
	},
	...waitProperties('poll'),
	optionsCollection([webhookUrlOption, ...waitOptions(urlToVideo)]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['urlToVideo'], operation: ['render'] } },
	properties,
);

export const execute = paidOperation(urlToVideo, async (ctx, itemIndex) => {
	const jobId = readUuid(ctx, jobIdParameter(urlToVideo), 'Video ID', itemIndex);
	const asked = String(ctx.getNodeParameter('preview', itemIndex, '') ?? '').trim();
	const options = buildOptionalFields(ctx, itemIndex, readOptions(ctx, itemIndex), [
		['webhookUrl', SHARED_FIELDS.webhookUrl],
	]);
	const plan = await renderPlan(ctx, urlToVideo, jobId, asked, itemIndex);
	return { ...plan, request: { ...plan.request, body: { ...plan.request.body, ...options } } };
});
