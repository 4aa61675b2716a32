/** Peak resident memory of this process while some work runs: the measure of the streaming tests and benchmarks. */

/** Runs `work` and returns how far the process's resident memory rose above where it started, in MB. */
export async function peakRssGrowthMb<T>(
	work: () => Promise<T>,
): Promise<{ result: T; grewMb: number }> {
	global.gc?.();
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
	try {
		return { result: await work(), grewMb: (peak - baseline) / 1024 / 1024 };
	} finally {
		clearInterval(sampler);
	}
}
