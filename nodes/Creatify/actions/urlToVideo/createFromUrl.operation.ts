import { updateDisplayOptions } from 'n8n-workflow';

import { urlToVideo } from '../../../shared/families/urlToVideo';
import { paidOperation } from '../../engine/engine';
import { linkPrelude, pageUrlProperty, readPageUrl } from '../links';
import { videoRequest } from './requests';
import { videoOperationProperties, videoSettings } from './videoSettings';

const properties = videoOperationProperties(pageUrlProperty);

export const description = updateDisplayOptions(
	{ show: { resource: ['urlToVideo'], operation: ['createFromUrl'] } },
	properties,
);

/**
 * Product page to video ad: the page becomes a link (POST /api/links/), the link a video (POST
 * /api/link_to_videos/). A page Creatify cannot use fails the item before the video is requested, so it costs
 * nothing.
 */
export const execute = paidOperation(urlToVideo, (ctx, itemIndex) => {
	const url = readPageUrl(ctx, itemIndex);
	const settings = videoSettings(ctx, itemIndex);
	return {
		prelude: linkPrelude(url, itemIndex, 'use Create Video'),
		request: videoRequest(settings, itemIndex),
		step: 'video',
	};
});
