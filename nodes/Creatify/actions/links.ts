/**
 * Links (Creatify's scraped product pages), which URL to Video and AI Scripts start from.
 * Create a link from a page: https://docs.creatify.ai/api-reference/links/post-apilinks (400 "Link must have at
 * least one image or one video." or "Failed to scrape url: ..." when the page gives nothing to use)
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CreatifyLink } from '../../shared/helpers/listings';
import { LINKS } from '../../shared/helpers/listings';
import { pageUrlProblem } from '../../shared/helpers/validation';
import type { CreatifyRequest } from '../../shared/transport';
import type { Prelude } from '../engine/plan';
import { invalidInput } from './common';

/** The item's product page URL, checked. */
export function readPageUrl(ctx: IExecuteFunctions, itemIndex: number): string {
	const url = ctx.getNodeParameter('url', itemIndex, '') as unknown;
	const problem = pageUrlProblem(url);
	if (problem) invalidInput(ctx, itemIndex, problem);
	return (url as string).trim();
}

/**
 * POST /api/links/: Creatify scrapes the page. The docs give no price for it, so it is treated as paid: never
 * repeated unless Creatify certainly did not receive it.
 */
export function linkFromPageRequest(url: string, itemIndex: number): CreatifyRequest<CreatifyLink> {
	return { ...linkRequest('POST', [], itemIndex, { body: { url } }), about: `for the page ${url}` };
}

/**
 * The link of a product page made just before the paid request that takes it (its `link`): when the paid request
 * then fails, the error names the link and `reuse` says how to use it instead of scraping the page again.
 */
export function linkPrelude(url: string, itemIndex: number, reuse: string): Prelude {
	return {
		request: linkFromPageRequest(url, itemIndex),
		fill: (link) => ({ link: link.id }),
		made: (link) =>
			`The page's link ${String(link.id)} was created first: to retry without scraping the page again, ${reuse} with that link.`,
	};
}

/**
 * A request about links (read, change, create from data); `linkId` names the link in every error. Creating a
 * link from product data costs a credit, so POSTs are never repeated automatically.
 */
export function linkRequest(
	method: 'GET' | 'PUT' | 'POST',
	path: readonly string[],
	itemIndex: number,
	{ body, linkId }: { body?: IDataObject; linkId?: string } = {},
): CreatifyRequest<CreatifyLink> {
	return {
		method,
		path: [...LINKS.path, ...path],
		body,
		schema: LINKS.schema,
		itemIndex,
		jobId: linkId,
		noun: 'link',
		spendsCredits: method === 'POST',
	};
}

/** The URL parameter of the operations that start from a product page. */
export const pageUrlProperty: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. https://shop.example.com/products/water-bottle',
	description:
		'The product page to make the ad from. Creatify reads its title, description, images and videos.',
};
