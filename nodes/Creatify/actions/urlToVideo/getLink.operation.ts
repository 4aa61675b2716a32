import { creatifyRequest } from '../../../shared/transport';
import { perItemOperation, readUuid } from '../common';
import { linkLocator } from '../descriptions';
import { linkRequest } from '../links';

/** One link with its scraped data: GET /api/links/{id}/. */
export const { description, execute } = perItemOperation(
	{ resource: 'urlToVideo', operation: 'getLink' },
	[linkLocator('The link to fetch')],
	async (ctx, itemIndex) => {
		const linkId = readUuid(ctx, 'linkId', 'Link ID', itemIndex);
		return await creatifyRequest(ctx, linkRequest('GET', [linkId], itemIndex, { linkId }));
	},
);
