/**
 * The models Creatify renders avatar videos with, and their prices. URL to Video's render page lists five:
 * "Standard model costs 5 credits per 30 seconds video, Aurora_v1 model costs 1 credit per second, and
 * Aurora_v1_fast ... 0.5 credits per second. Aurora_v2 costs 0.7 credits per second. Boreal model costs 10 credits
 * per 30 seconds video." (https://docs.creatify.ai/api-reference/link_to_videos/post-apilink_to_videos_render).
 * AI Avatar and Custom Templates list standard, aurora_v1 and aurora_v1_fast at the same prices
 * (https://docs.creatify.ai/api-reference/lipsyncs_v2/post-apilipsyncs-preview). Partial seconds round up.
 */
export const MODEL_VERSIONS = {
	standard: { per30Seconds: 5, perSecond: 0, label: 'Standard', price: '5 credits per 30 seconds' },
	boreal: { per30Seconds: 10, perSecond: 0, label: 'Boreal', price: '10 credits per 30 seconds' },
	aurora_v1: { per30Seconds: 0, perSecond: 1, label: 'Aurora V1', price: '1 credit per second' },
	aurora_v1_fast: {
		per30Seconds: 0,
		perSecond: 0.5,
		label: 'Aurora V1 Fast',
		price: '0.5 credits per second; faster, lower quality',
	},
	aurora_v2: {
		per30Seconds: 0,
		perSecond: 0.7,
		label: 'Aurora V2',
		price: '0.7 credits per second',
	},
} as const;
export type ModelVersion = keyof typeof MODEL_VERSIONS;

/** Started 30-second blocks of a length in seconds (15 s and 30 s are one, 45 s and 60 s two). */
export const blocksOf = (seconds: unknown) => Math.max(1, Math.ceil(Number(seconds ?? 30) / 30));

/**
 * The credits of a video of `seconds` made with `model`: per started 30 s (standard: 15 s and 30 s cost 5, 45 s
 * and 60 s cost 10), or per second rounded up to whole credits.
 */
export function modelCredits(model: ModelVersion, seconds: unknown): number {
	const { per30Seconds, perSecond } = MODEL_VERSIONS[model];
	return per30Seconds
		? blocksOf(seconds) * per30Seconds
		: Math.ceil(Number(seconds ?? 30) * perSecond);
}

/** The model a request body names, among `allowed` (standard when none or another is given). */
export function modelOf(
	body: { model_version?: unknown },
	allowed: readonly ModelVersion[] = Object.keys(MODEL_VERSIONS) as ModelVersion[],
): ModelVersion {
	const model = String(body.model_version ?? 'standard') as ModelVersion;
	return allowed.includes(model) ? model : 'standard';
}
