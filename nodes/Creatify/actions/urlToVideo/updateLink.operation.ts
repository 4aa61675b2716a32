import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { pageUrlProblem } from '../../../shared/helpers/validation';
import { checkedOperation } from '../checkedOperation';
import { invalidInput, readUuid } from '../common';
import { linkLocator } from '../descriptions';
import { linkBody, linkFieldProperties } from './linkFields';
import { linkRequest } from '../links';

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
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				default: '',
				description: 'The product page the link stands for',
			},
		],
	},
];

/**
 * Changes a link's data: PUT /api/links/{id}/ with the fields that are set
 * (https://docs.creatify.ai/api-reference/links/put-apilinks-). A list given replaces the link's list.
 */
export const { description, execute } = checkedOperation(
	{ resource: 'urlToVideo', operation: 'updateLink' },
	properties,
	(ctx, itemIndex) => {
		const linkId = readUuid(ctx, 'linkId', 'Link ID', itemIndex);
		const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = linkBody(ctx, itemIndex, fields);
		if (typeof fields.url === 'string' && fields.url.trim() !== '') {
			const problem = pageUrlProblem(fields.url);
			if (problem) invalidInput(ctx, itemIndex, problem);
			body.url = fields.url.trim();
		}
		if (Object.keys(body).length === 0)
			invalidInput(ctx, itemIndex, 'Nothing to update: add at least one field under Update Fields');
		return linkRequest('PUT', [linkId], itemIndex, { body, linkId });
	},
	'changed',
);
