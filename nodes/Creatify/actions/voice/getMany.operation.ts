import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { CreatifyVoice } from '../../../shared/helpers/listings';
import { VOICES } from '../../../shared/helpers/listings';
import { filteredListing, returnAllOrLimit } from '../common';
import { filtersCollection } from '../descriptions';

const properties: INodeProperties[] = [
	...returnAllOrLimit('getMany', 'voice'),
	filtersCollection([
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			options: [
				{ name: 'Female', value: 'female' },
				{ name: 'Male', value: 'male' },
			],
			default: 'female',
			description: "Only voices of this gender, as Creatify's voice records name it",
		},
		{
			displayName: 'Name Contains',
			name: 'name',
			type: 'string',
			default: '',
			description:
				"Only voices whose name or one of whose accents' names contains this text (any case)",
		},
	]),
];

function matches(voice: CreatifyVoice, filters: IDataObject): boolean {
	const gender = String(filters.gender ?? '').toLowerCase();
	if (gender && String(voice.gender ?? '').toLowerCase() !== gender) return false;
	const wanted = String(filters.name ?? '')
		.trim()
		.toLowerCase();
	if (!wanted) return true;
	const names = [voice.name, ...voice.accents.map((accent) => accent.accent_name)];
	return names.some((name) =>
		String(name ?? '')
			.toLowerCase()
			.includes(wanted),
	);
}

/**
 * Creatify's voices, each with its accents (the accent `id` is what Text to Speech and URL to Video take):
 * GET /api/voices/, one call for all (https://docs.creatify.ai/api-documentation/text-to-speech/text-to-speech).
 */
export const { description, execute } = filteredListing(
	{ resource: 'voice', operation: 'getMany' },
	properties,
	VOICES,
	matches,
);
