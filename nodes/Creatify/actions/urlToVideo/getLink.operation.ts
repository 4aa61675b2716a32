import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { creatifyRequest } from '../../../shared/transport';
import { readUuid, runPerItem } from '../common';
import { linkLocator } from '../descriptions';
import { linkRequest } from './requests';

const properties: INodeProperties[] = [linkLocator('The link to fetch')];

export const description = updateDisplayOptions(
	{ show: { resource: ['urlToVideo'], operation: ['getLink'] } },
	properties,
);

/** One link with its scraped data: GET /api/links/{id}/. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (itemIndex) => {
		const linkId = readUuid(this, 'linkId', 'Link ID', itemIndex);
		return await creatifyRequest(this, linkRequest('GET', [linkId], itemIndex, { linkId }));
	});
}
