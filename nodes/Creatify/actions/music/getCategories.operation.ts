/** The categories of Creatify's music library (GET /api/music_categories/, free). */
import type { INodeProperties } from 'n8n-workflow';

import { MUSIC_CATEGORIES } from '../../../shared/helpers/listings';
import { filteredListing } from '../common';

const properties: INodeProperties[] = [];

export const { description, execute } = filteredListing(
	{ resource: 'music', operation: 'getCategories' },
	properties,
	MUSIC_CATEGORIES,
	() => true,
);
