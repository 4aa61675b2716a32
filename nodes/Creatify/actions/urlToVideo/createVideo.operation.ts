import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { familyStep } from '../../../shared/families/types';
import { urlToVideo } from '../../../shared/families/urlToVideo';
import { paidOperation } from '../../engine/engine';
import { waitProperties } from '../../engine/settings';
import { readUuid } from '../common';
import { linkLocator, optionsCollection, paidNotice } from '../descriptions';
import { videoRequest } from './requests';
import { videoSettings, videoSettingsOptions, videoSettingsProperties } from './videoSettings';
import { urlToVideoWaitOptions } from './waitOptions';

const properties: INodeProperties[] = [
	paidNotice(familyStep(urlToVideo, 'video').cost.text),
	linkLocator('The link (a scraped product page, from Create Link) to make the video from'),
	...videoSettingsProperties,
	...waitProperties('poll'),
	optionsCollection([...videoSettingsOptions, ...urlToVideoWaitOptions]),
];

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
