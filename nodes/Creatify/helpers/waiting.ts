/** Pure rules of waiting for renders: when a task is done, and how long to wait between status checks. */
import type { BackoffPolicy } from './backoff';

export type WaitStep = 'image' | 'video';

export type TaskState = 'working' | 'done' | 'failed';

/** Done means image_generated for the image operations and video_generated for the video step. */
export function taskState(step: WaitStep, status: unknown): TaskState {
	if (status === 'failed') return 'failed';
	if (step === 'image' && (status === 'image_generated' || status === 'video_generating' || status === 'video_generated')) {
		return 'done';
	}
	if (step === 'video' && status === 'video_generated') return 'done';
	return 'working';
}

/** Credits each kind of request spends (Creatify's documented costs). */
export const CREDIT_COSTS = { generateImage: 1, regenerateImage: 1, generateVideo: 3, createVideo: 4 } as const;

export function pollPolicy(initialSeconds: number, maxSeconds: number): BackoffPolicy {
	const initialMs = Math.max(1, initialSeconds) * 1000;
	return { initialMs, maxMs: Math.max(initialMs, maxSeconds * 1000), factor: 1.5 };
}
