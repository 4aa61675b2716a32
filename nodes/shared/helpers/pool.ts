/**
 * Runs `task` for every index with at most `limit` running at once, in index order of starting. Once `stop()`
 * returns true no new task starts, but the running ones finish: a paid request in flight is never abandoned.
 */
export async function runPool(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
	stop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count && !stop()) {
			const index = next++;
			await task(index);
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker);
	await Promise.all(workers);
}
