import type { CreatifyTask } from '../helpers/schemas';
import { taskListSchema } from '../helpers/schemas';
import type { CreatifyContext } from './index';
import { creatifyRequest } from './index';

/** Creatify's list endpoint takes at most 100 task IDs per call. */
export const IDS_PER_LIST_CALL = 100;

/** The tasks with these IDs (at most IDS_PER_LIST_CALL) in one free list call; unknown IDs are left out. */
export async function listTasksById(
	ctx: CreatifyContext,
	ids: readonly string[],
	itemIndex?: number,
): Promise<CreatifyTask[]> {
	return await creatifyRequest(ctx, {
		method: 'GET',
		path: ['product_to_videos'],
		qs: { ids: ids.join(',') },
		schema: taskListSchema,
		itemIndex,
	});
}
