import {
	templateVariables,
	variableProblem,
	variablesFromJson,
} from '../../nodes/shared/helpers/templateVariables';

const AVATAR = '7a1c2e3f-4b5d-4e6f-8a9b-000000000001';

test.each([
	['text may be empty', { name: 'headline', kind: 'text', value: '' }, undefined],
	['an image needs a URL', { name: 'photo', kind: 'image', value: 'photo.png' }, /http\(s\) URL/],
	['an empty video', { name: 'clip', kind: 'video', value: ' ' }, /is empty/],
	['an avatar is an ID', { name: 'host', kind: 'avatar', value: 'Ava' }, /Creatify ID/],
	['a voice-over is an ID', { name: 'voice', kind: 'voiceover', value: AVATAR }, undefined],
	['an unknown kind', { name: 'x', kind: 'gif', value: 'a' }, /text, image, video, audio/],
	['a nameless variable', { name: ' ', kind: 'text', value: 'a' }, /has no name/],
])('%s', (_title, variable, problem) => {
	const found = variableProblem(variable);
	if (problem === undefined) expect(found).toBeUndefined();
	else expect(found).toMatch(problem);
});

test("variables are written in Creatify's shape, names trimmed; a repeated name is refused", () => {
	expect(
		templateVariables([
			{ name: ' headline ', kind: 'text', value: 'Hi' },
			{ name: 'host', kind: 'avatar', value: ` ${AVATAR}` },
			{ name: 'tune', kind: 'audio', value: 'https://cdn.example.com/a.mp3' },
		]),
	).toEqual({
		headline: { type: 'text', properties: { content: 'Hi' } },
		host: { type: 'avatar', properties: { avatar_id: AVATAR } },
		tune: { type: 'audio', properties: { url: 'https://cdn.example.com/a.mp3' } },
	});
	expect(
		templateVariables([
			{ name: 'a', kind: 'text', value: '1' },
			{ name: 'a ', kind: 'text', value: '2' },
		]),
	).toBe('Variable "a" is given twice');
});

test('JSON variables are read back by their kind; anything but an object is refused', () => {
	expect(
		variablesFromJson({
			headline: { type: 'text', properties: { content: 'Hi' } },
			odd: { type: 'sticker', properties: { url: 'x' } },
		}),
	).toEqual([
		{ name: 'headline', kind: 'text', value: 'Hi', extra: { content: 'Hi' } },
		{ name: 'odd', kind: 'sticker', value: undefined, extra: { url: 'x' } },
	]);
	expect(variablesFromJson([])).toMatch(/must be an object/);
});

test("a variable may be named like an object's own fields; JSON keeps the properties it gives", () => {
	const written = templateVariables([
		{ name: 'constructor', kind: 'text', value: 'A' },
		{ name: '__proto__', kind: 'text', value: 'B' },
	]);
	// sent as JSON with both names
	expect(JSON.stringify(written)).toBe(
		'{"constructor":{"type":"text","properties":{"content":"A"}},"__proto__":{"type":"text","properties":{"content":"B"}}}',
	);
	const read = variablesFromJson({
		photo: { type: 'image', properties: { url: 'https://cdn.example.com/a.png', fit: 'cover' } },
	});
	expect(templateVariables(read as never)).toEqual({
		photo: { type: 'image', properties: { url: 'https://cdn.example.com/a.png', fit: 'cover' } },
	});
});
