/**
 * A link's product data, as Create Link (from product data) and Update Link send it.
 * From product data: https://docs.creatify.ai/api-reference/links/post-apilink_with_params (1 credit; title at
 * most 1000 characters, logo_url at most 200, image_urls and video_urls lists, reviews)
 * Update: https://docs.creatify.ai/api-reference/links/put-apilinks- (the same fields, and url)
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { httpUrlProblem, splitUrls } from '../../../shared/helpers/validation';
import { invalidInput } from '../common';

const MAX_TITLE_LENGTH = 1000;
const MAX_LOGO_URL_LENGTH = 200;

export const linkFieldProperties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		description: `The product's name or headline, at most ${MAX_TITLE_LENGTH} characters`,
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'What the product is and why to buy it; the script is written from it',
	},
	{
		displayName: 'Image URLs',
		name: 'imageUrls',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description:
			"Links to the product's images. Separated by commas or new lines, or a list from an expression. The docs advise at least three images when there is no video.",
	},
	{
		displayName: 'Video URLs',
		name: 'videoUrls',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description:
			"Links to the product's videos. Separated by commas or new lines, or a list from an expression. The docs advise at least three images when there is no video.",
	},
	{
		displayName: 'Logo URL',
		name: 'logoUrl',
		type: 'string',
		default: '',
		description: `A link to the brand's logo, at most ${MAX_LOGO_URL_LENGTH} characters`,
	},
	{
		displayName: 'Reviews',
		name: 'reviews',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Customer reviews the script may quote',
	},
];

function urlList(ctx: IExecuteFunctions, itemIndex: number, label: string, value: unknown) {
	const urls = splitUrls(value);
	const problem = urls.map((url) => httpUrlProblem(`Each of the ${label}`, url)).find(Boolean);
	if (problem) invalidInput(ctx, itemIndex, problem);
	return urls;
}

function textProblem(values: IDataObject): string | undefined {
	const title = String(values.title ?? '');
	if (title.length > MAX_TITLE_LENGTH)
		return `Title is ${title.length} characters long; Creatify accepts at most ${MAX_TITLE_LENGTH}`;
	const logo = String(values.logoUrl ?? '').trim();
	if (logo === '') return undefined;
	if (logo.length > MAX_LOGO_URL_LENGTH)
		return `Logo URL is ${logo.length} characters long; Creatify accepts at most ${MAX_LOGO_URL_LENGTH}`;
	return httpUrlProblem('Logo URL', logo);
}

/** Creatify's link fields from the given values; only the fields that are set are sent. */
export function linkBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	values: IDataObject,
): IDataObject {
	const problem = textProblem(values);
	if (problem) invalidInput(ctx, itemIndex, problem);
	const body: IDataObject = {};
	for (const [name, apiName] of [
		['title', 'title'],
		['description', 'description'],
		['logoUrl', 'logo_url'],
		['reviews', 'reviews'],
	]) {
		const text = String(values[name] ?? '').trim();
		if (text !== '') body[apiName] = text;
	}
	for (const [name, apiName, label] of [
		['imageUrls', 'image_urls', 'Image URLs'],
		['videoUrls', 'video_urls', 'Video URLs'],
	]) {
		if (values[name] === undefined || values[name] === '') continue;
		body[apiName] = urlList(ctx, itemIndex, label, values[name]);
	}
	return body;
}
