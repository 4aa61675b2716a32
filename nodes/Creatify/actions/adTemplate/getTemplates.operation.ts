import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { CreatifyTemplate } from '../../../shared/helpers/listings';
import { TEMPLATES } from '../../../shared/helpers/listings';
import { filteredListing, returnAllOrLimit } from '../common';
import { filtersCollection } from '../descriptions';

const properties: INodeProperties[] = [
	...returnAllOrLimit('getTemplates', 'adTemplate'),
	filtersCollection([
		{
			displayName: 'Name Contains',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Only templates whose name, description or kind contains this text (any case)',
		},
		{
			displayName: 'Max Credit Cost',
			name: 'maxCredits',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 10,
			description: 'Only templates whose job costs at most this many credits',
		},
	]),
];

function templateMatches(template: CreatifyTemplate, filters: IDataObject): boolean {
	const wanted = String(filters.name ?? '')
		.trim()
		.toLowerCase();
	const text = [template.name, template.description, template.gen_type]
		.map((v) => String(v ?? ''))
		.join(' ');
	if (wanted && !text.toLowerCase().includes(wanted)) return false;
	const max = filters.maxCredits;
	return max === undefined || max === '' || Number(template.credit_cost ?? 0) <= Number(max);
}

/**
 * Creatify's AI Ad Templates with their input schemas and prices: GET /api/inspirations/, one call for all
 * (https://docs.creatify.ai/api-reference/inspiration/get-inspirations).
 */
export const { description, execute } = filteredListing(
	{ resource: 'adTemplate', operation: 'getTemplates' },
	properties,
	TEMPLATES,
	templateMatches,
);
