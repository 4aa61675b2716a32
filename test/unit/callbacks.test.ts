import { MAX_CALLBACK_BYTES, parseCallback } from '../../nodes/shared/helpers/callbacks';

const ID = '3f2b8c1e-9a4d-4c1b-8e2f-5a6b7c8d9e0f';

describe('parseCallback', () => {
	test('reads the raw bytes when n8n kept them', () => {
		const raw = Buffer.from(JSON.stringify({ id: ID, status: 'video_generated', extra: 1 }));
		expect(parseCallback(raw, {})).toEqual({
			ok: true,
			body: { id: ID, status: 'video_generated', extra: 1 },
		});
	});
	test('falls back to the parsed body', () => {
		expect(parseCallback(undefined, { id: ID })).toEqual({ ok: true, body: { id: ID } });
	});
	test.each([
		['not JSON', Buffer.from('id=1'), 400, 'invalid_json'],
		['an array', Buffer.from('[]'), 400, 'invalid_body'],
		['a string', Buffer.from('"x"'), 400, 'invalid_body'],
		['no id', Buffer.from('{"status":"failed"}'), 400, 'invalid_body'],
		['a non-UUID id', Buffer.from('{"id":"1234"}'), 400, 'invalid_body'],
		['too large', Buffer.alloc(MAX_CALLBACK_BYTES + 1, 32), 413, 'body_too_large'],
	])('rejects %s', (_name, raw, httpStatus, error) => {
		expect(parseCallback(raw, {})).toMatchObject({ ok: false, httpStatus, error });
	});
	test('the message names the field', () => {
		expect(parseCallback(Buffer.from('{"id":"1234"}'), {})).toMatchObject({
			message: 'id: must be a Creatify ID (a UUID)',
		});
	});
});
