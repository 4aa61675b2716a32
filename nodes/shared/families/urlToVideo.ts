/**
 * URL to Video (Creatify's "link to video"): a product page becomes a link (the page's scraped title, images
 * and videos), then a video ad made from that link.
 * Create a video: https://docs.creatify.ai/api-reference/link_to_videos/post-apilink_to_videos (5 credits per
 * 30 s of video; webhook body {id, status, failed_reason, video_output, video_thumbnail}; statuses pending,
 * in_queue, running, failed, done)
 * Flow, previews and the `rejected` status: https://docs.creatify.ai/use-case/url-to-video
 * Previews: https://docs.creatify.ai/api-reference/link_to_videos/post-apilink_to_videos_preview_list_aysnc
 * ("costs 1 credit for every 30 seconds"; callback {id, status, failed_reason, previews: [{media_job, url}]}) and
 * https://docs.creatify.ai/api-documentation/url-to-video/preview-list ("1 credit per 30s per preview"; previews
 * carry media_job, visual_style, url, aspect_ratio). The use-case page says the whole list costs 1 credit per
 * 30 s whatever the number of styles: the credits check assumes the higher price, one per preview.
 * Render: https://creatify.mintlify.app/api-reference/link_to_videos/post-apilink_to_videos_render (no body;
 * "4 credits for every 30 seconds") and .../post-apilink_to_videos_render_single_preview (body {media_job}, the
 * same price); both answer the same job, which then reports pending → done again with its video_output.
 * Links: https://docs.creatify.ai/api-reference/links/post-apilinks, /get-apilinks (`ids`, at most 100)
 * No paginated listing of link_to_videos was found in the docs, so a listing of all videos is one call.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import { jobSchema } from '../helpers/schemas';
import type { CreatifyJob } from '../helpers/schemas';
import { MODEL_VERSIONS, blocksOf, modelCredits, modelOf } from './models';
import { previewPhaseStatus, previewStep } from './previewPhases';
import type { JobFamily, PreviewRecord, StepCost } from './types';
import { JPEG_THUMBNAIL, MP4_VIDEO, videoStep } from './types';

export const VIDEO_ASPECT_RATIOS = ['16x9', '1x1', '9x16'] as const;
/** Lengths in seconds shown in the editor; Creatify's page shows 15 and 30, its app offers up to 60. */
export const VIDEO_LENGTHS = [15, 30, 45, 60] as const;
export const CREDITS_PER_30_SECONDS = MODEL_VERSIONS.standard.per30Seconds;
export const RENDER_CREDITS_PER_30_SECONDS = 4;
export const PREVIEW_CREDITS_PER_30_SECONDS = 1;

/**
 * A video made directly (5 per 30 s with the standard model), or the render of a preview (4 per 30 s; the cost
 * fact `render`); another model at its own price (models.ts). The pages give no other price per model: previews
 * are priced as standard, and the render of a job made with another model at that model's price for the whole
 * video.
 */
const perLength: StepCost = {
	credits: (body: IDataObject) => {
		const model = modelOf(body);
		if (body.render && model === 'standard')
			return blocksOf(body.video_length) * RENDER_CREDITS_PER_30_SECONDS;
		return modelCredits(model, body.video_length);
	},
	text: `${CREDITS_PER_30_SECONDS} Creatify credits per 30 seconds of video with the standard model (${RENDER_CREDITS_PER_30_SECONDS} when rendering a preview; other models cost more, see Model Version)`,
};

/** Each preview of the list, per 30 s (the higher of the two prices Creatify's pages give). */
const perPreview: StepCost = {
	credits: (body: IDataObject) =>
		blocksOf(body.video_length) *
		PREVIEW_CREDITS_PER_30_SECONDS *
		Math.max(1, Array.isArray(body.visual_styles) ? body.visual_styles.length : 1),
	text: `${PREVIEW_CREDITS_PER_30_SECONDS} Creatify credit per 30 seconds of each preview`,
};

const FAILED = ['failed', 'rejected'];

const urlPreviewStep = previewStep(
	perPreview,
	"Previews are ready to look at: the record lists each preview's style and player URL",
);

function previewsOf(job: CreatifyJob): PreviewRecord[] {
	const previews = Array.isArray(job.previews) ? (job.previews as IDataObject[]) : [];
	return previews
		.filter((preview) => typeof preview?.media_job === 'string' && preview.media_job !== '')
		.map((preview) => ({
			mediaJob: preview.media_job as string,
			visualStyle: text(preview.visual_style),
			url: text(preview.url),
		}));
}

/** A preview request's record (`visual_styles`) or one listing previews. */
const isPreviewRequest = (job: Record<string, unknown>) =>
	previewsOf(job as CreatifyJob).length > 0 || Array.isArray(job.visual_styles);

export const urlToVideo: JobFamily<'urlToVideo'> = {
	name: 'urlToVideo',
	displayName: 'URL to Video',
	aliases: ['url to video', 'video ad'],
	noun: 'Video',
	path: ['link_to_videos'],
	schema: jobSchema(['video_output', 'video_thumbnail', 'name']),
	steps: [urlPreviewStep, videoStep(perLength)],
	failed: FAILED,
	statusOf: previewPhaseStatus('video_output', FAILED, isPreviewRequest),
	preview: {
		step: 'preview',
		renderStep: 'video',
		previews: previewsOf,
		render: (job, mediaJob) =>
			mediaJob
				? {
						path: ['link_to_videos', job.id, 'render_single_preview'],
						body: { media_job: mediaJob },
					}
				: { path: ['link_to_videos', job.id, 'render'], body: {} },
		renderCostFacts: (job) => ({
			video_length: job.video_length ?? 30,
			model_version: job.model_version ?? 'standard',
			render: true,
		}),
	},
	callbackFields: ['id', 'status', 'failed_reason', 'video_output', 'video_thumbnail', 'previews'],
	files: [MP4_VIDEO, JPEG_THUMBNAIL],
	label: (video) => jobLabel(video, text(video.name), 'video'),
	failureAdvice:
		'Check the link (a product page with images) and the video settings; a rejected video broke a content rule.',
};
