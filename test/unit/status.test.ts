import { nextMove } from '../../nodes/Creatify/engine/plan';
import { eventFor } from '../../nodes/CreatifyTrigger/verify';
import { productVideo } from '../../nodes/shared/families/productVideo';
import type { JobFamily } from '../../nodes/shared/families/types';
import { fixedCost } from '../../nodes/shared/families/types';
import { jobSchema } from '../../nodes/shared/helpers/schemas';
import type { StatusTable } from '../../nodes/shared/helpers/status';
import { jobState, reportedStep, stepStarted } from '../../nodes/shared/helpers/status';

/** A one-step family shaped as Creatify's other job APIs are (URL to Video, Text to Speech, ...). */
const oneStep: JobFamily = {
	name: 'oneStep',
	displayName: 'One Step',
	aliases: [],
	noun: 'Job',
	path: ['jobs'],
	schema: jobSchema(),
	steps: [
		{
			name: 'render',
			working: ['pending', 'in_queue', 'running'],
			done: ['done'],
			cost: fixedCost(5),
			event: { name: 'Done', value: 'done' },
		},
	],
	failed: ['failed', 'rejected'],
	files: [],
	label: (job) => job.id,
	failureAdvice: '',
};

test('jobState (Product Video): done means image_generated for images and video_generated for videos; failed ends both', () => {
	const state = (step: string, status: unknown) => jobState(productVideo, step, status);
	expect(state('image', 'image_generating')).toBe('working');
	expect(state('image', 'image_generated')).toBe('done');
	expect(state('image', 'video_generating')).toBe('done');
	expect(state('video', 'image_generated')).toBe('working');
	expect(state('video', 'video_generating')).toBe('working');
	expect(state('video', 'video_generated')).toBe('done');
	expect(state('image', 'failed')).toBe('failed');
	expect(state('video', 'failed')).toBe('failed');
	expect(state('video', 'a_new_status')).toBe('working');
	expect(state('video', undefined)).toBe('working');
});

test('jobState (one step): every failed status ends the job; unknown statuses keep it working', () => {
	const table: StatusTable = oneStep;
	expect(['pending', 'in_queue', 'running'].map((s) => jobState(table, 'render', s))).toEqual([
		'working',
		'working',
		'working',
	]);
	expect(jobState(table, 'render', 'done')).toBe('done');
	expect(jobState(table, 'render', 'rejected')).toBe('failed');
	expect(jobState(table, 'render', 'upscaling')).toBe('working');
	expect(() => jobState(table, 'video', 'done')).toThrow('Unknown step "video"');
});

test('stepStarted: a status of the step or a later one', () => {
	expect(stepStarted(productVideo, 'video', 'image_generated')).toBe(false);
	expect(stepStarted(productVideo, 'video', 'video_generating')).toBe(true);
	expect(stepStarted(productVideo, 'video', 'video_generated')).toBe(true);
	expect(stepStarted(productVideo, 'video', 'failed')).toBe(false);
});

test('reportedStep and the trigger events it gives', () => {
	const event = (status: unknown, claimed?: unknown) => eventFor(productVideo, status, claimed);
	expect(event('video_generated')).toBe('videoReady');
	expect(event('failed')).toBe('failed');
	expect(event('image_generated')).toBe('imageReady');
	expect(event('image_generating')).toBeUndefined();
	expect(event('video_generating')).toBeUndefined();
	// an image callback that arrives after the video step began
	expect(event('video_generating', 'image_generated')).toBe('imageReady');
	// a claim of a later step does not turn a working status into an event
	expect(event('image_generating', 'video_generated')).toBeUndefined();
	expect(event('something_new')).toBeUndefined();
	expect(event(undefined)).toBeUndefined();
	expect(reportedStep(oneStep, 'rejected')).toBe('failed');
	expect(eventFor(oneStep, 'done')).toBe('done');
	expect(eventFor(oneStep, 'running', 'done')).toBeUndefined();
});

test('nextMove: wait, send the follow-up once the first step is done, finish or fail', () => {
	const move = (step: string, due: boolean, status: string) =>
		nextMove(productVideo, step, due, status);
	expect(move('image', true, 'image_generating')).toBe('wait');
	expect(move('image', true, 'image_generated')).toBe('followUp');
	// a follow-up that Creatify shows started counts as sent
	expect(move('image', true, 'video_generating')).toBe('wait');
	expect(move('image', true, 'video_generated')).toBe('finish');
	expect(move('image', false, 'image_generated')).toBe('finish');
	expect(move('video', false, 'video_generating')).toBe('wait');
	expect(move('image', true, 'failed')).toBe('fail');
	expect(nextMove(oneStep, 'render', false, 'done')).toBe('finish');
	// a family without a follow-up step finishes whatever the plan says
	expect(nextMove(oneStep, 'render', true, 'done')).toBe('finish');
});
