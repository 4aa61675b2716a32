/** Get and Get Many, the same for every job family: one job by its picker, or many by IDs or all. */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { FamilyName } from '../../shared/families';
import { jobIdsParameter } from '../../shared/families/names';
import type { JobFamily } from '../../shared/families/types';
import type { CreatifyJob } from '../../shared/helpers/schemas';
import { splitIds, uuidProblem } from '../../shared/helpers/validation';
import { getJob, listByIds, listUpTo } from '../../shared/transport/jobs';
import { invalidInput, perItemOperation, readLimit, readUuid, returnAllOrLimit } from './common';
import { jobLocator } from './descriptions';

/** Get: the job the picker names, fetched fresh. */
export function jobGet(family: JobFamily, locator: INodeProperties) {
	const label = `${family.noun} ID`;
	return perItemOperation(
		{ resource: family.name, operation: 'get' },
		[locator],
		async (ctx, itemIndex) =>
			await getJob(ctx, family, readUuid(ctx, locator.name, label, itemIndex), itemIndex),
	);
}

/** Get Many's parameter of job IDs; `rest` says what an empty one lists. */
export function jobIdsProperty(family: JobFamily, rest: string): INodeProperties {
	const noun = family.noun.toLowerCase();
	return {
		displayName: `${family.noun} IDs`,
		name: jobIdsParameter(family),
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f2b8c1e-…, 9a4d4c1b-…',
		description: `Only these ${noun}s, separated by commas, spaces or new lines (any number, fetched 100 at a time; Limit still applies, turn on Return All for more). Leave empty for ${rest}.`,
	};
}

/** The jobs whose IDs Get Many's parameter gives (100 per list call), or undefined when it gives none. */
export async function jobsById(
	ctx: IExecuteFunctions,
	family: JobFamily,
	itemIndex: number,
	max: number,
): Promise<CreatifyJob[] | undefined> {
	const ids = splitIds(ctx.getNodeParameter(jobIdsParameter(family), itemIndex, ''));
	const badId = ids.map((id) => uuidProblem(`Each of the ${family.noun} IDs`, id)).find(Boolean);
	if (badId) invalidInput(ctx, itemIndex, badId);
	return ids.length > 0 ? await listByIds(ctx, family, ids, { itemIndex, max }) : undefined;
}

/** Get Many: the jobs with the given IDs, or all of the account's, up to the limit. */
export function jobGetMany(family: JobFamily) {
	const properties: INodeProperties[] = [
		jobIdsProperty(family, `all ${family.noun.toLowerCase()}s of the account`),
		...returnAllOrLimit('getMany', family.name),
	];
	return perItemOperation(
		{ resource: family.name, operation: 'getMany' },
		properties,
		async (ctx, itemIndex) => {
			const max = readLimit(ctx, itemIndex);
			const byId = await jobsById(ctx, family, itemIndex, max);
			return byId ?? (await listUpTo(ctx, family, max, { itemIndex }));
		},
	);
}

const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'an' : 'a');

/**
 * Get and Get Many of a family (every job family has both): the operations, their Operation options (named
 * `names` where the resource lists other things too) and their parameters.
 */
export function jobReads(
	family: JobFamily<FamilyName>,
	names: { get: string; getMany: string } = { get: 'Get', getMany: 'Get Many' },
) {
	const noun = family.noun.toLowerCase();
	const get = jobGet(family, jobLocator(family, `The ${noun} to fetch`));
	const getMany = jobGetMany(family);
	const options: Array<INodePropertyOptions & { value: 'get' | 'getMany' }> = [
		{
			name: names.get,
			value: 'get',
			action: `Get ${article(noun)} ${noun}`,
			description: `Fetch one ${noun} with its status and result URLs`,
		},
		{
			name: names.getMany,
			value: 'getMany',
			action: `Get many ${noun}s`,
			description: `Fetch ${noun}s, all or by ID`,
		},
	];
	return {
		operations: { get, getMany },
		options,
		description: [...get.description, ...getMany.description],
	};
}
