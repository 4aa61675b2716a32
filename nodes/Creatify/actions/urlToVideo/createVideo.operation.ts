import { updateDisplayOptions } from 'n8n-workflow';

import { urlToVideo } from '../../../shared/families/urlToVideo';
import { paidOperation } from '../../engine/engine';
import { readUuid } from '../common';
import { linkLocator } from '../descriptions';
import { videoRequest } from './requests';
import { videoOperationProperties, videoSettings } from './videoSettings';

const properties = videoOperationProperties(
	linkLocator('The link (a scraped product page, from Create Link) to make the video from'),
);

export const description = updateDisplayOptions(
	{ show: { resource: ['urlToVideo'], operation: ['createVideo'] } },
	properties,
);

/** A video from an existing link: POST /api/link_to_videos/ with the link and the settings. */
export const execute = paidOperation(urlToVideo, (ctx, itemIndex) => {
	const settings = videoSettings(ctx, itemIndex);
	const link = readUuid(ctx, 'linkId', 'Link ID', itemIndex);
	return { request: videoRequest({ link, ...settings }, itemIndex), step: 'video' };
});
