/**
 * Creatify's music library, page by page (GET /api/musics/ with category and search, free;
 * https://docs.creatify.ai/api-reference/musics/get-api-musics). A track's URL is what URL to Video's
 * Background Music takes.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { MUSICS } from '../../../shared/helpers/listings';
import { listUpTo } from '../../../shared/transport/jobs';
import { perItemOperation, readLimit, returnAllOrLimit } from '../common';
import { filtersCollection } from '../descriptions';

const properties: INodeProperties[] = [
	...returnAllOrLimit('getMany', 'music'),
	filtersCollection([
		{
			displayName: 'Category',
			name: 'category',
			type: 'string',
			default: '',
			description: 'Only tracks of this category (Get Categories lists them)',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Only tracks whose name or category matches this text',
		},
	]),
];

export const { description, execute } = perItemOperation(
	{ resource: 'music', operation: 'getMany' },
	properties,
	async (ctx, itemIndex) => {
		const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		for (const name of ['category', 'search']) {
			const value = String(filters[name] ?? '').trim();
			if (value) qs[name] = value;
		}
		// the listing is paginated only: Return All reads it page by page too
		const max = readLimit(ctx, itemIndex);
		return await listUpTo(ctx, MUSICS, max === Infinity ? Number.MAX_SAFE_INTEGER : max, {
			qs,
			itemIndex,
		});
	},
);
