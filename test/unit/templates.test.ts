import { assetsOf, checkedInput, templateFields } from '../../nodes/shared/helpers/templates';

const schema = {
	required: ['Image'],
	properties: {
		Count: { type: 'integer' },
		Image: { type: 'string', format: 'uri', title: 'Product image' },
		Mood: { type: 'string', enum: ['calm', 'bold'] },
		Loud: { type: ['boolean', 'null'] },
		Tags: { type: 'array' },
	},
};

test("a template's schema becomes resource mapper fields, required first, typed", () => {
	expect(templateFields(schema).map((f) => [f.id, f.displayName, f.type, f.required])).toEqual([
		['Image', 'Product image', 'url', true],
		['Count', 'Count', 'number', false],
		['Mood', 'Mood', 'options', false],
		['Loud', 'Loud', 'boolean', false],
		['Tags', 'Tags', 'array', false],
	]);
	expect(templateFields({})).toEqual([]);
});

test('inputs are typed as the schema says, empty ones left out, problems named', () => {
	expect(
		checkedInput(schema, {
			Image: 'https://x/a.png',
			Count: '3',
			Loud: 'TRUE',
			Tags: '["a"]',
			Mood: '',
		}),
	).toEqual({
		params: { Image: 'https://x/a.png', Count: 3, Loud: true, Tags: ['a'] },
		problems: [],
	});
	expect(checkedInput(schema, { Count: '2.5', Mood: 'angry', Extra: 1 }).problems).toEqual([
		'"Count" must be a whole number, got 2.5',
		'"Mood" must be one of "calm", "bold", got "angry"',
		'"Extra" is not one of its inputs (Count, Image, Mood, Loud, Tags)',
		'"Image" is required',
	]);
	expect(checkedInput(schema, { Image: 'shop/a.png', Tags: '{' }).problems).toEqual([
		'"Image" must be an http(s) URL, got "shop/a.png"',
		'"Tags" must be a list, got "{"',
	]);
	// a number for a text input (a price from a sheet) is sent as text; a union takes any of its types
	const loose = {
		properties: { Price: { type: 'string' }, Size: { type: ['integer', 'string'] } },
	};
	expect(checkedInput(loose, { Price: 19.99, Size: 'XL' })).toEqual({
		params: { Price: '19.99', Size: 'XL' },
		problems: [],
	});
	// the schema's bounds (a model's duration, a prompt's length, a list's size) are enforced
	const bounded = {
		properties: {
			Seconds: { type: 'integer', minimum: 4, maximum: 8 },
			Prompt: { type: 'string', minLength: 3, maxLength: 10 },
			Images: { type: 'array', maxItems: 2, items: { type: 'string', format: 'uri' } },
		},
	};
	expect(checkedInput(bounded, { Seconds: 9, Prompt: 'ab', Images: [1, 2, 3] }).problems).toEqual([
		'"Seconds" must be at most 8, got 9',
		'"Prompt" must have at least 3 characters, got 2',
		'"Images" must list at most 2 entries, got 3',
	]);
	// each entry of a list is checked against its schema
	expect(checkedInput(bounded, { Images: ['https://x/a.png', 'b.png'] }).problems).toEqual([
		'"Images[1]" must be an http(s) URL, got "b.png"',
	]);
	expect(checkedInput(bounded, { Seconds: 3, Prompt: 'a long prompt' }).problems).toEqual([
		'"Seconds" must be at least 4, got 3',
		'"Prompt" must have at most 10 characters, got 13',
	]);
	expect(
		checkedInput(bounded, { Seconds: '6', Prompt: 'fine', Images: ['https://x/a.png'] }).problems,
	).toEqual([]);
	// a required list left empty is missing; a list's entries are typed as its items say
	const lists = {
		required: ['Images'],
		properties: {
			Images: { type: 'array', minItems: 1, items: { type: 'string', format: 'uri' } },
			Seeds: { type: 'array', minItems: 2, items: { type: 'integer' } },
			Strength: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
		},
	};
	expect(checkedInput(lists, { Images: '[]', Seeds: '[3]', Strength: 1 }).problems).toEqual([
		'"Seeds" must list at least 2 entries, got 1',
		'"Strength" must be less than 1, got 1',
		'"Images" is required',
	]);
	expect(
		checkedInput(lists, { Images: ['https://x/a.png'], Seeds: ['1', '2'], Strength: 0 }),
	).toEqual({
		params: { Images: ['https://x/a.png'], Seeds: [1, 2], Strength: 0 },
		problems: ['"Strength" must be more than 0, got 0'],
	});
	// a template whose schema names no inputs takes any
	expect(checkedInput({}, { Anything: 1 })).toEqual({ params: { Anything: 1 }, problems: [] });
});

test("a job's output is read as assets: a list or its JSON text, of URLs or of records with one", () => {
	expect(assetsOf('["https://c/x/1.mp4", "https://c/x/2.png?sig=1"]')).toEqual([
		{ url: 'https://c/x/1.mp4', type: 'video' },
		{ url: 'https://c/x/2.png?sig=1', type: 'image' },
	]);
	expect(assetsOf([{ video_url: 'https://c/v', type: 'video', width: 720 }])).toEqual([
		{ video_url: 'https://c/v', type: 'video', width: 720, url: 'https://c/v' },
	]);
	expect(assetsOf('https://c/a.mp3')).toEqual([{ url: 'https://c/a.mp3', type: 'audio' }]);
	expect(assetsOf(null)).toEqual([]);
	expect(assetsOf('[not json')).toEqual([]);
	expect(assetsOf(['not a url', 7])).toEqual([]);
});
