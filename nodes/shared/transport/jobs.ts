/** The requests every job family shares: read one, list by IDs or by page, credits, the paid follow-up. */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { JobFamily } from '../families/types';
import type { CreatifyCredits, CreatifyJob, Schema } from '../helpers/schemas';
import { creditsSchema, pageSchema } from '../helpers/schemas';
import { chunk } from '../helpers/validation';
import { creatifyRequest } from './index';
import type { CreatifyContext, CreatifyRequest } from './request';

/** Creatify's list endpoints take at most 100 IDs per call. */
export const IDS_PER_LIST_CALL = 100;
/** The largest page asked of a paginated listing. */
export const MAX_PAGE_SIZE = 100;

export function getJob(
	ctx: CreatifyContext,
	family: JobFamily,
	id: string,
	itemIndex?: number,
): Promise<CreatifyJob> {
	return creatifyRequest(ctx, {
		method: 'GET',
		path: [...family.path, id],
		schema: family.schema,
		itemIndex,
		jobId: id,
		noun: family.noun.toLowerCase(),
	});
}

export interface ListByIdsOptions {
	itemIndex?: number;
	/** stop once this many jobs were read */
	max?: number;
	/** called when one call of the batch fails; without it the failure ends the listing */
	onFailedCall?: (error: unknown) => void;
}

/** The jobs with these IDs, 100 per free list call, in the order Creatify answers; unknown IDs are left out. */
export async function listByIds(
	ctx: CreatifyContext,
	family: JobFamily,
	ids: readonly string[],
	{ itemIndex, max = Infinity, onFailedCall }: ListByIdsOptions = {},
): Promise<CreatifyJob[]> {
	const jobs: CreatifyJob[] = [];
	for (const batch of chunk(ids, IDS_PER_LIST_CALL)) {
		if (jobs.length >= max) break;
		const request = listRequest(family.path, z.array(family.schema), itemIndex);
		const call = creatifyRequest(ctx, { ...request, qs: { ids: batch.join(',') } });
		const answer = onFailedCall
			? await call.catch((error) => (onFailedCall(error), []))
			: await call;
		// only the records asked for, should a listing ignore the filter (custom avatars' does not document it)
		const asked = new Set(batch.map((id) => id.toLowerCase()));
		jobs.push(...answer.filter((job) => asked.has(job.id.toLowerCase())));
	}
	return jobs.slice(0, max);
}

function listRequest<T>(
	path: readonly string[],
	schema: Schema<T>,
	itemIndex?: number,
): CreatifyRequest<T> {
	return { method: 'GET', path, schema, itemIndex };
}

/**
 * One page of a paginated listing (`?page=&page_size=`), answering `{ results, next }` or, as Music does,
 * `{ results, count }`: there is a next page while this one is not the last of `count`.
 */
export async function listPage<T>(
	ctx: CreatifyContext,
	path: readonly string[],
	schema: Schema<T>,
	page: { number: number; size: number; qs?: IDataObject; itemIndex?: number },
): Promise<{ results: T[]; hasNext: boolean }> {
	const answer = await creatifyRequest(ctx, {
		...listRequest(path, pageSchema(schema), page.itemIndex),
		qs: { ...page.qs, page: page.number, page_size: page.size },
	});
	// the page size Creatify used, when it says (it may cap the one asked for)
	const { count, page_size: used } = answer as { count?: unknown; page_size?: unknown };
	const size = typeof used === 'number' && used > 0 ? used : page.size;
	const more = typeof count === 'number' && page.number * size < count;
	return { results: answer.results, hasNext: Boolean(answer.next) || more };
}

/**
 * Up to `max` records of a listing: page by page where Creatify paginates it (so a short list costs one short
 * call), otherwise the plain listing, which answers everything at once.
 */
export async function listUpTo<T>(
	ctx: CreatifyContext,
	listing: { path: readonly string[]; pagedPath?: readonly string[]; schema: Schema<T> },
	max: number,
	options: { qs?: IDataObject; itemIndex?: number } = {},
): Promise<T[]> {
	if (!listing.pagedPath || max === Infinity) {
		const all = await creatifyRequest(ctx, {
			...listRequest(listing.path, z.array(listing.schema) as Schema<T[]>, options.itemIndex),
			qs: options.qs,
		});
		return all.slice(0, max);
	}
	const records: T[] = [];
	const size = Math.min(MAX_PAGE_SIZE, Math.max(1, max));
	for (let number = 1; records.length < max; number++) {
		const page = await listPage(ctx, listing.pagedPath, listing.schema, {
			number,
			size,
			...options,
		});
		records.push(...page.results);
		if (!page.hasNext || page.results.length === 0) break;
	}
	return records.slice(0, max);
}

/** The one credits request: Get Credits and Check Credits First both read it. */
export function remainingCredits(
	ctx: CreatifyContext,
	itemIndex?: number,
): Promise<CreatifyCredits> {
	return creatifyRequest(ctx, {
		method: 'GET',
		path: ['remaining_credits'],
		schema: creditsSchema,
		itemIndex,
	});
}

/** A paid request on an existing job (a follow-up step, a render): never repeated blindly, naming the job. */
export function paidJobRequest(
	family: JobFamily,
	jobId: string,
	path: string[],
	body: IDataObject,
	itemIndex?: number,
): CreatifyRequest<CreatifyJob> {
	return {
		method: 'POST',
		path,
		body,
		schema: family.schema,
		itemIndex,
		jobId,
		noun: family.noun.toLowerCase(),
		spendsCredits: true,
	};
}

/** The paid request that continues a job once its earlier step is done (Product Video: its video). */
export function followUpRequest(
	family: JobFamily,
	jobId: string,
	body: IDataObject,
	itemIndex?: number,
): CreatifyRequest<CreatifyJob> {
	if (!family.followUp) throw new Error(`${family.displayName} has no follow-up step`);
	return paidJobRequest(family, jobId, family.followUp.path(jobId), body, itemIndex);
}
