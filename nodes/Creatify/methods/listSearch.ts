import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { z } from 'zod';

import { productVideo } from '../../shared/families/productVideo';
import type { JobFamily } from '../../shared/families/types';
import { avatarLabel, matchesFilter } from '../../shared/helpers/labels';
import type { CreatifyJob } from '../../shared/helpers/schemas';
import { PERSONAS } from '../../shared/helpers/schemas';
import { creatifyRequest } from '../../shared/transport';
import { listPage } from '../../shared/transport/jobs';

const PAGE_SIZE = 50;

function newestFirst(jobs: CreatifyJob[]): CreatifyJob[] {
	return [...jobs].sort((a, b) =>
		String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')),
	);
}

/** One page of a family's jobs where Creatify paginates them; otherwise its whole listing, newest first. */
async function jobsForPicker(
	ctx: ILoadOptionsFunctions,
	family: JobFamily,
	page: number,
): Promise<{ jobs: CreatifyJob[]; hasNext: boolean }> {
	if (family.pagedPath) {
		const size = PAGE_SIZE;
		const answer = await listPage(ctx, family.pagedPath, family.schema, { number: page, size });
		return { jobs: answer.results, hasNext: answer.hasNext };
	}
	const all = await creatifyRequest(ctx, {
		method: 'GET',
		path: family.path,
		schema: z.array(family.schema),
	});
	return { jobs: newestFirst(all), hasNext: false };
}

/** A picker of a family's jobs, searchable by any text field. */
function jobSearch(family: JobFamily) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = paginationToken ? Number(paginationToken) : 1;
		const { jobs, hasNext } = await jobsForPicker(this, family, page);
		return {
			results: jobs
				.filter((job) => matchesFilter(job, filter))
				.map((job) => ({ name: family.label(job), value: job.id })),
			paginationToken: hasNext ? String(page + 1) : undefined,
		};
	};
}

export const searchTasks = jobSearch(productVideo);

export async function searchAvatars(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const size = PAGE_SIZE;
	const answer = await listPage(this, PERSONAS.pagedPath, PERSONAS.schema, { number: page, size });
	return {
		results: answer.results
			.filter((persona) => matchesFilter(persona, filter))
			.map((persona) => ({ name: avatarLabel(persona), value: persona.id })),
		paginationToken: answer.hasNext ? String(page + 1) : undefined,
	};
}
