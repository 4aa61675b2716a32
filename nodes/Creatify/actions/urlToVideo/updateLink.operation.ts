import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pageUrlProblem } from '../../../shared/helpers/validation';
import { creatifyRequest } from '../../../shared/transport';
import { invalidInput, readUuid, runPerItem } from '../common';
import { linkLocator } from '../descriptions';
import { linkBody, linkFieldProperties } from './linkFields';
import { linkRequest } from './requests';

const properties: INodeProperties[] = [
	linkLocator('The link to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			"Creatify's docs advise adding the brand's logo and keeping only the best images before making the video",
		options: [
			...linkFieldProperties,
			{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['urlToVideo'], operation: ['updateLink'] } },
	properties,
);

/**
 * Changes a link's data: PUT /api/links/{id}/ with the fields that are set
 * (https://docs.creatify.ai/api-reference/links/put-apilinks-). A list given replaces the link's list.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await runPerItem(this, items, async (itemIndex) => {
		const linkId = readUuid(this, 'linkId', 'Link ID', itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = linkBody(this, itemIndex, fields);
		if (typeof fields.url === 'string' && fields.url.trim() !== '') {
			const problem = pageUrlProblem(fields.url);
			if (problem) invalidInput(this, itemIndex, problem);
			body.url = fields.url.trim();
		}
		if (Object.keys(body).length === 0)
			invalidInput(
				this,
				itemIndex,
				'Nothing to update: add at least one field under Update Fields',
			);
		return await creatifyRequest(this, linkRequest('PUT', [linkId], itemIndex, { body, linkId }));
	});
}
