import { z } from 'zod';

import { productVideo } from '../../nodes/shared/families/productVideo';
import { creditsSchema, pageSchema, parseWith } from '../../nodes/shared/helpers/schemas';
import { PERSONAS } from '../../nodes/shared/helpers/listings';

const personaPageSchema = pageSchema(PERSONAS.schema);

const taskSchema = productVideo.schema;
const taskListSchema = z.array(taskSchema);

const task = {
	id: 'c0ec27ad-0cb7-4a8d-ba28-0bbc2d9ff27a',
	status: 'video_generated',
	generated_video_url: 'https://x/v.mp4',
};

test('unknown fields and unknown statuses pass through unchanged', () => {
	const parsed = parseWith(taskSchema, { ...task, status: 'upscaling', new_field: { a: 1 } });
	expect(parsed).toEqual({
		ok: true,
		value: { ...task, status: 'upscaling', new_field: { a: 1 } },
	});
});

test('null and empty values are accepted', () => {
	const parsed = parseWith(taskSchema, {
		id: task.id,
		status: null,
		generated_video_url: '',
		failed_reason: null,
	});
	expect(parsed.ok).toBe(true);
});

test('a task without an id, or with a non-string id, is rejected with the path named', () => {
	expect(parseWith(taskSchema, { status: 'failed' })).toEqual({
		ok: false,
		problem: expect.stringMatching(/^id: Required/),
	});
	expect(parseWith(taskSchema, { id: '' })).toEqual({
		ok: false,
		problem: 'id: the record has an empty id',
	});
	expect(parseWith(taskSchema, { id: 12 })).toMatchObject({
		ok: false,
		problem: expect.stringMatching(/^id:/),
	});
});

test('non-objects and non-JSON are rejected', () => {
	expect(parseWith(taskSchema, 'not json {')).toEqual({
		ok: false,
		problem: 'the response is not JSON',
	});
	expect(parseWith(taskSchema, [task])).toMatchObject({ ok: false });
	expect(parseWith(taskListSchema, { results: [] })).toMatchObject({ ok: false });
	expect(parseWith(taskListSchema, [task, { nope: 1 }])).toEqual({
		ok: false,
		problem: expect.stringMatching(/^1\.id:/),
	});
});

test('credits and persona pages', () => {
	expect(parseWith(creditsSchema, { remaining_credits: 12.5 })).toEqual({
		ok: true,
		value: { remaining_credits: 12.5 },
	});
	expect(parseWith(creditsSchema, { remaining_credits: '12' })).toMatchObject({ ok: false });
	expect(
		parseWith(personaPageSchema, { count: 1, next: null, previous: null, results: [{ id: 'p' }] })
			.ok,
	).toBe(true);
	expect(parseWith(personaPageSchema, { count: 1 })).toMatchObject({
		ok: false,
		problem: expect.stringMatching(/^results:/),
	});
});
