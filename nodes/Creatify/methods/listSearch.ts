import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { avatarLabel, matchesFilter, taskLabel } from '../helpers/labels';
import { personaPageSchema, taskListSchema } from '../helpers/schemas';
import { creatifyRequest } from '../transport';

const AVATAR_PAGE_SIZE = 50;

export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const tasks = await creatifyRequest(this, {
		method: 'GET',
		path: ['product_to_videos'],
		schema: taskListSchema,
	});
	const newestFirst = [...tasks].sort((a, b) =>
		String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')),
	);
	return {
		results: newestFirst
			.filter((task) => matchesFilter(task, filter))
			.map((task) => ({ name: taskLabel(task), value: task.id })),
	};
}

export async function searchAvatars(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const response = await creatifyRequest(this, {
		method: 'GET',
		path: ['personas', 'paginated'],
		qs: { page, page_size: AVATAR_PAGE_SIZE },
		schema: personaPageSchema,
	});
	return {
		results: response.results
			.filter((persona) => matchesFilter(persona, filter))
			.map((persona) => ({ name: avatarLabel(persona), value: persona.id })),
		paginationToken: response.next ? String(page + 1) : undefined,
	};
}
