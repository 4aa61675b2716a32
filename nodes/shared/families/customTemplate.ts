/**
 * Custom Templates: a template made in Creatify's app (a project with API variables) plus one row of variables
 * becomes a video.
 * Create: https://creatify.mintlify.app/api-reference/custom-template-jobs/post-custom-template-job
 * (template_id and variables required; name at most 255; webhook_url at most 200; model_version standard,
 * aurora_v1, aurora_v1_fast; "costs 5 credits for every 30 seconds"; the record's video is `video_output`;
 * statuses pending, in_queue, running, failed, done, rejected; webhook body {id, status, failed_reason,
 * video_output}, "We might send multiple requests for status changes")
 * Preview: https://docs.creatify.ai/api-reference/custom-template-jobs/post-custom-template-job-preview-async
 * (201 at once, then poll until `done` and read `preview`; "recommended over the synchronous preview endpoint";
 * 1 credit per 30 s)
 * Render: .../custom-template-jobs/post-custom-template-job-render ("4 credits for every 30 seconds"; the page
 * shows template_id and variables as its body: the node sends the job's own when its record has them)
 * Variables: https://docs.creatify.ai/api-reference/custom-templates (kinds avatar, image, video, audio, text;
 * the JSON example was not readable): sent as {<name>: {type, properties: {content | url | avatar_id |
 * voice_id}}}, the shape Creatify's SDK users send.
 * No endpoint lists templates or describes their variables, and no list of jobs was found: Get Many by IDs
 * assumes `?ids=` as every other family has.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import { jobSchema } from '../helpers/schemas';
import type { ModelVersion } from './models';
import { blocksOf, modelCredits, modelOf } from './models';
import { isPreviewOf, previewPhaseStatus, previewStep, singlePreview } from './previewPhases';
import type { JobFamily, StepCost } from './types';
import { JPEG_THUMBNAIL, MP4_VIDEO, videoStep } from './types';

export const TEMPLATE_MODELS: readonly ModelVersion[] = ['standard', 'aurora_v1', 'aurora_v1_fast'];
/** The length a template's video is priced at when the user does not say (Expected Length). */
export const DEFAULT_TEMPLATE_SECONDS = 30;

/** The length a request is priced at: the cost fact `seconds` (Expected Length, or the job's `duration`). */
const secondsOf = (body: IDataObject) =>
	Number(body.seconds) > 0 ? Number(body.seconds) : DEFAULT_TEMPLATE_SECONDS;

const perVideo: StepCost = {
	credits: (body) => {
		const model = modelOf(body, TEMPLATE_MODELS);
		if (body.render && model === 'standard') return blocksOf(secondsOf(body)) * 4;
		return modelCredits(model, Math.ceil(secondsOf(body)));
	},
	text: '5 Creatify credits per 30 seconds of video with the standard model (4 when rendering a preview; priced at Expected Length before sending)',
};

const perPreview: StepCost = {
	credits: (body) => blocksOf(secondsOf(body)),
	text: '1 Creatify credit per 30 seconds of preview (priced at Expected Length before sending)',
};

const FAILED = ['failed', 'rejected'];

export const customTemplate: JobFamily<'customTemplate'> = {
	name: 'customTemplate',
	displayName: 'Custom Template',
	aliases: ['custom template', 'template video'],
	noun: 'Template Video',
	path: ['custom_template_jobs'],
	schema: jobSchema(['video_output', 'preview', 'video_thumbnail', 'name']),
	steps: [
		previewStep(perPreview, 'A preview is ready to look at: `preview` is its player URL'),
		videoStep(perVideo),
	],
	failed: FAILED,
	statusOf: previewPhaseStatus('video_output', FAILED, isPreviewOf('video_output')),
	preview: {
		step: 'preview',
		renderStep: 'video',
		previews: singlePreview,
		render: (job) => ({
			path: ['custom_template_jobs', job.id, 'render'],
			body: {
				...(text(job.template_id) ? { template_id: job.template_id } : {}),
				...(job.variables && typeof job.variables === 'object' ? { variables: job.variables } : {}),
			},
		}),
		renderCostFacts: (job) => ({
			seconds: Number(job.duration) > 0 ? Number(job.duration) : DEFAULT_TEMPLATE_SECONDS,
			model_version: job.model_version ?? 'standard',
			render: true,
		}),
	},
	callbackFields: ['id', 'status', 'failed_reason', 'video_output'],
	recordFields: ['template_id', 'variables'],
	files: [MP4_VIDEO, JPEG_THUMBNAIL],
	label: (video) => jobLabel(video, text(video.name), 'template video'),
	failureAdvice:
		'Check the template ID and the variables (their names as in the template, URLs Creatify can download); a rejected video broke a content rule.',
};
