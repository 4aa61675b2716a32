/**
 * URL to Video's requests, built and checked before anything is sent (links: ../links.ts).
 * Create a video: https://docs.creatify.ai/api-reference/link_to_videos/post-apilink_to_videos
 */
import type { IDataObject } from 'n8n-workflow';

import { urlToVideo } from '../../../shared/families/urlToVideo';
import type { CreatifyJob } from '../../../shared/helpers/schemas';
import type { CreatifyRequest } from '../../../shared/transport';
import { jobCreation } from '../../engine/plan';

/**
 * POST /api/link_to_videos/preview_list_async/: previews of a link in several visual styles
 * (https://docs.creatify.ai/api-reference/link_to_videos/post-apilink_to_videos_preview_list_aysnc).
 */
export function previewsRequest(
	body: IDataObject,
	itemIndex: number,
): CreatifyRequest<CreatifyJob> {
	return {
		...jobCreation(urlToVideo, itemIndex, 'video', body),
		path: [...urlToVideo.path, 'preview_list_async'],
	};
}

/** POST /api/link_to_videos/: the paid video of a link. */
export function videoRequest(body: IDataObject, itemIndex: number): CreatifyRequest<CreatifyJob> {
	return jobCreation(urlToVideo, itemIndex, 'video', body);
}
