/**
 * Create Previews: cheap previews of a video ad in several visual styles, to look at before paying for the
 * render (POST /api/link_to_videos/preview_list_async/,
 * https://docs.creatify.ai/api-documentation/url-to-video/preview-list). A preview is a link to Creatify's web
 * player, not a video file; Render turns the chosen one into the video.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { familyStep } from '../../../shared/families/types';
import { urlToVideo } from '../../../shared/families/urlToVideo';
import { commaList } from '../../../shared/helpers/validation';
import { paidOperation } from '../../engine/engine';
import type { PaidItemPlan } from '../../engine/plan';
import { waitOptions, waitProperties } from '../../engine/waitParameters';
import { invalidInput, readUuid } from '../common';
import { linkLocator, optionsCollection, paidNotice } from '../descriptions';
import { linkPrelude, pageUrlProperty, readPageUrl } from '../links';
import { previewsRequest } from './requests';
import {
	VISUAL_STYLES,
	videoSettings,
	videoSettingsOptions,
	videoSettingsProperties,
} from './videoSettings';

const fromUrl = { show: { previewsFrom: ['url'] } };
const fromLink = { show: { previewsFrom: ['link'] } };

const properties: INodeProperties[] = [
	paidNotice(familyStep(urlToVideo, 'preview').cost.text),
	{
		displayName: 'Previews From',
		name: 'previewsFrom',
		type: 'options',
		options: [
			{ name: 'Product Page URL', value: 'url' },
			{ name: 'Link', value: 'link', description: 'A link made with Create Link' },
		],
		default: 'url',
	},
	{ ...pageUrlProperty, displayOptions: fromUrl },
	{
		...linkLocator('The link (a scraped product page, from Create Link) to preview'),
		displayOptions: fromLink,
	},
	{
		displayName: 'Visual Styles',
		name: 'visualStyles',
		type: 'multiOptions',
		options: VISUAL_STYLES.map((style) => ({ name: style, value: style })),
		default: ['AvatarBubbleTemplate', 'FullScreenTemplate'],
		required: true,
		description:
			'One preview per style. Other styles Creatify accepts can be given by an expression (a list, or text separated by commas).',
	},
	...videoSettingsProperties.filter((p) => p.name !== 'visualStyle'),
	...waitProperties('poll'),
	optionsCollection([...videoSettingsOptions, ...waitOptions(urlToVideo, { download: false })]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['urlToVideo'], operation: ['createPreviews'] } },
	properties,
);

/** The item's visual styles: a list, or text separated by commas; at least one. */
function readVisualStyles(ctx: IExecuteFunctions, itemIndex: number): string[] {
	const raw = ctx.getNodeParameter('visualStyles', itemIndex, []) as unknown;
	const styles = [...new Set(commaList(raw))];
	if (styles.length === 0)
		invalidInput(ctx, itemIndex, 'Visual Styles is empty: choose at least one style to preview');
	return styles;
}

function previewsBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return { ...videoSettings(ctx, itemIndex), visual_styles: readVisualStyles(ctx, itemIndex) };
}

export const execute = paidOperation(urlToVideo, (ctx, itemIndex): PaidItemPlan => {
	const body = previewsBody(ctx, itemIndex);
	if (ctx.getNodeParameter('previewsFrom', itemIndex, 'url') === 'link') {
		const link = readUuid(ctx, 'linkId', 'Link ID', itemIndex);
		return { request: previewsRequest({ link, ...body }, itemIndex), step: 'preview' };
	}
	const url = readPageUrl(ctx, itemIndex);
	return {
		prelude: linkPrelude(url, itemIndex, 'choose Previews From: Link'),
		request: previewsRequest(body, itemIndex),
		step: 'preview',
	};
});
