import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { AGE_RANGES, GENDERS, PERSONAS } from '../../../shared/helpers/listings';
import { choiceProblem } from '../../../shared/helpers/validation';
import { listUpTo } from '../../../shared/transport/jobs';
import { invalidInput, perItemOperation, readLimit, returnAllOrLimit } from '../common';
import { GENDER_OPTIONS, filtersCollection } from '../descriptions';
import { jobIdsProperty, jobsById } from '../jobOperations';
import { avatar } from '../../../shared/families/avatar';

const properties: INodeProperties[] = [
	jobIdsProperty(
		avatar,
		"Creatify's avatars; given, e.g. your custom avatars' IDs, the list shows their processing status",
	),
	...returnAllOrLimit('getMany', 'avatar'),
	filtersCollection([
		{
			displayName: 'Age Range',
			name: 'ageRange',
			type: 'options',
			options: [
				{ name: 'Adult', value: 'adult' },
				{ name: 'Child', value: 'child' },
				{ name: 'Senior', value: 'senior' },
				{ name: 'Teen', value: 'teen' },
			],
			default: 'adult',
		},
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			options: GENDER_OPTIONS,
			default: 'f',
		},
	]),
];

/** Whether an avatar has every field value the filters ask for (gender, age_range). */
const matches = (persona: IDataObject, qs: IDataObject) =>
	Object.entries(qs).every(([field, value]) => persona[field] === value);

export const { description, execute } = perItemOperation(
	{ resource: 'avatar', operation: 'getMany' },
	properties,
	async (ctx, itemIndex) => {
		const limit = readLimit(ctx, itemIndex);
		const byId = await jobsById(ctx, avatar, itemIndex, limit);
		if (byId) return byId;
		const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (filters.gender !== undefined) {
			const problem = choiceProblem('Gender', filters.gender, GENDERS);
			if (problem) invalidInput(ctx, itemIndex, problem);
			qs.gender = filters.gender;
		}
		if (filters.ageRange !== undefined) {
			const problem = choiceProblem('Age Range', filters.ageRange, AGE_RANGES);
			if (problem) invalidInput(ctx, itemIndex, problem);
			qs.age_range = filters.ageRange;
		}
		if (Object.keys(qs).length === 0) return await listUpTo(ctx, PERSONAS, limit, { itemIndex });
		// Only the plain listing documents the filters; the node applies them too, so that a filter is never
		// ignored whatever the API does with it.
		const all = await listUpTo(ctx, PERSONAS, Infinity, { qs, itemIndex });
		return all.filter((persona) => matches(persona, qs)).slice(0, limit);
	},
);
