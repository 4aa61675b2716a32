/**
 * URL to Video (Creatify's "link to video"): a product page becomes a link (the page's scraped title, images
 * and videos), then a video ad made from that link.
 * Create a video: https://docs.creatify.ai/api-reference/link_to_videos/post-apilink_to_videos (5 credits per
 * 30 s of video; webhook body {id, status, failed_reason, video_output, video_thumbnail}; statuses pending,
 * in_queue, running, failed, done)
 * Flow, previews and the `rejected` status: https://docs.creatify.ai/use-case/url-to-video
 * Links: https://docs.creatify.ai/api-reference/links/post-apilinks, /get-apilinks (`ids`, at most 100)
 * No paginated listing of link_to_videos was found in the docs, so a listing of all videos is one call.
 */
import type { IDataObject } from 'n8n-workflow';

import { jobLabel, text } from '../helpers/labels';
import { jobSchema } from '../helpers/schemas';
import type { JobFamily, StepCost } from './types';
import { MP4_VIDEO, videoStep } from './types';

export const VIDEO_ASPECT_RATIOS = ['16x9', '1x1', '9x16'] as const;
/** Lengths in seconds shown in the editor; Creatify's page shows 15 and 30, its app offers up to 60. */
export const VIDEO_LENGTHS = [15, 30, 45, 60] as const;
export const CREDITS_PER_30_SECONDS = 5;

/** Creatify charges per started 30 s of video: 15 s and 30 s cost 5 credits, 45 s and 60 s cost 10. */
export function creditsForLength(seconds: number): number {
	return Math.max(1, Math.ceil(seconds / 30)) * CREDITS_PER_30_SECONDS;
}

const perLength: StepCost = {
	credits: (body: IDataObject) => creditsForLength(Number(body.video_length ?? 30)),
	text: `${CREDITS_PER_30_SECONDS} Creatify credits per 30 seconds of video`,
};

export const urlToVideo: JobFamily<'urlToVideo'> = {
	name: 'urlToVideo',
	displayName: 'URL to Video',
	aliases: ['url to video', 'video ad'],
	noun: 'Video',
	path: ['link_to_videos'],
	schema: jobSchema(['video_output', 'video_thumbnail', 'name']),
	steps: [videoStep(perLength)],
	failed: ['failed', 'rejected'],
	callbackFields: ['id', 'status', 'failed_reason', 'video_output', 'video_thumbnail'],
	files: [
		MP4_VIDEO,
		{
			value: 'thumbnail',
			name: 'Thumbnail',
			field: 'video_thumbnail',
			fileNameSuffix: '-thumbnail.jpg',
			mimeType: 'image/jpeg',
			binarySuffix: '_thumbnail',
		},
	],
	label: (video) => jobLabel(video, text(video.name), 'video'),
	failureAdvice:
		'Check the link (a product page with images) and the video settings; a rejected video broke a content rule.',
};
