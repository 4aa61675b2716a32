/**
 * The Asset Generator against the simulator: models and their documented prices, inputs read from a model's
 * schema and checked before paying, the price per output counted, every output attached, the editor's pickers.
 */
import { listSearch } from '../../nodes/Creatify/methods/listSearch';
import { getAssetModelFields } from '../../nodes/Creatify/methods/resourceMapping';
import { mapperFields, useSimulator } from '../harness/fixture';
import { failureOf, loadOptionsContext, runCreatify } from '../harness/n8n';

const { sim, credentials } = useSimulator({ videoMs: 60 });
const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };
const NANO = 'nano-banana';
const KLING = 'kling-video/v1.6/pro/image-to-video';
const UNPRICED = 'studio-model/text-to-image';

const byName = (value: string) => ({ __rl: true, mode: 'name', value });
const fields = mapperFields;
const generate = (model: string, extra: object = {}, options: object = {}) => ({
	resource: 'assetGenerator',
	operation: 'create',
	model: byName(model),
	options: { ...FAST_POLL, ...options },
	...extra,
});
const posts = () => sim.paidAttempts('asset_generator');
const schemaReads = () => sim.requests.filter((r) => r.path === '/api/asset_generator/schemas/');

describe('Asset Generator Generate', () => {
	test('is the default operation: the inputs set below make every output, attached in order; priced per output', async () => {
		const { items, error } = await runCreatify({
			parameters: generate(
				NANO,
				{ inputFields: fields({ prompt: '={{ $json.prompt }}', num_images: 2, aspect_ratio: '' }) },
				{ download: 'assets' },
			),
			items: [{ prompt: 'A lamp on an oak desk' }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		const [item] = items;
		const id = String(item.json.id);
		expect(item.json).toMatchObject({ status: 'done', model_name: NANO, credits_used: 8 });
		expect((item.json.assets as Array<{ type: string }>).map((a) => a.type)).toEqual([
			'image',
			'image',
		]);
		expect(
			Object.entries(item.binary ?? {}).map(([key, file]) => [key, file.fileName, file.mimeType]),
		).toEqual([
			['data', `${id}-1.png`, 'image/png'],
			['data_1', `${id}-2.png`, 'image/png'],
		]);
		expect(posts()[0].body).toEqual({
			model_name: NANO,
			input_params: { prompt: 'A lamp on an oak desk', num_images: 2 },
		});
		expect(sim.credits).toBe(992);
	});

	test("the model's schema is read once per run however many items use it; Map Automatically takes the item's fields", async () => {
		const { items, error } = await runCreatify({
			parameters: generate(
				NANO,
				{ inputFields: fields({}, 'autoMapInputData') },
				{ download: 'none' },
			),
			items: [
				{ prompt: 'A red lamp', row: 1 },
				{ prompt: 'A blue lamp', row: 2 },
				{ prompt: 'A green lamp', row: 3 },
			],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.status)).toEqual(['done', 'done', 'done']);
		expect(schemaReads()).toHaveLength(1);
		expect(posts().map((p) => (p.body as { input_params?: unknown })?.input_params)).toEqual([
			{ prompt: 'A red lamp' },
			{ prompt: 'A blue lamp' },
			{ prompt: 'A green lamp' },
		]);
	});

	test("inputs outside the model's schema are refused before paying, naming the item and each problem", async () => {
		const { items } = await runCreatify({
			parameters: generate(NANO, { inputMode: 'json', inputJson: '={{ JSON.stringify($json) }}' }),
			items: [
				{ prompt: 'A lamp', num_images: 5, aspect_ratio: '4:3' },
				{ prompt: 'A lamp', seed: 7 },
				{ prompt: 'A fine lamp' },
			],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(failureOf(items[0])?.message).toBe(
			'The inputs do not fit the model "nano-banana": "num_images" must be at most 4, got 5; "aspect_ratio" must be one of "1:1", "16:9", "9:16", got "4:3" (item 0)',
		);
		expect(failureOf(items[1])?.message).toMatch(
			/"seed" is not one of its inputs \(prompt, num_images, aspect_ratio\)/,
		);
		expect(items[2].json.status).toBe('done');
		expect(posts()).toHaveLength(1);
	});

	test('a model the account does not list is an error for the item, unpaid', async () => {
		const { items } = await runCreatify({
			parameters: generate('veo9', { inputMode: 'json', inputJson: '{"prompt": "x"}' }),
			items: [{}],
			credentials: credentials(),
			continueOnFail: true,
		});
		const failure = failureOf(items[0]);
		expect(failure?.message).toBe('Model "veo9" not found');
		expect(failure?.description).toMatch(/Get Many Models.*no credits were spent/s);
		expect(posts()).toHaveLength(0);
	});

	test('a model without a documented price needs Credits per Output; with it the run is checked and paid', async () => {
		const parameters = (options: object) =>
			generate(UNPRICED, { inputMode: 'json', inputJson: '{"prompt": "A lamp"}' }, options);
		const unknown = await runCreatify({
			parameters: parameters({}),
			items: [{}],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(failureOf(unknown.items[0])?.message).toBe(
			'The price of the model "studio-model/text-to-image" is not known (item 0)',
		);
		expect(failureOf(unknown.items[0])?.description).toMatch(/Credits per Output/);
		expect(posts()).toHaveLength(0);
		const capped = await runCreatify({
			parameters: parameters({ creditsPerOutput: 1.5, maxCreditsPerRun: 2 }),
			items: [{}, {}],
			credentials: credentials(),
		});
		expect(capped.error?.message).toMatch(
			/This run would spend 3 Creatify credits, more than Max Credits per Run \(2\)/,
		);
		expect(posts()).toHaveLength(0);
		const paid = await runCreatify({
			parameters: parameters({ creditsPerOutput: 1.5, download: 'none' }),
			items: [{}],
			credentials: credentials(),
		});
		expect(paid.items[0].json).toMatchObject({ status: 'done', credits_used: 1.5 });
	});

	test('a price that depends on the inputs is estimated at the documented highest: Max Credits counts Kling at 24 a video', async () => {
		const { error } = await runCreatify({
			parameters: generate(
				KLING,
				{
					inputFields: fields({
						prompt: 'The lamp turns on',
						image_url: 'https://shop.example.com/lamp.png',
					}),
				},
				{ maxCreditsPerRun: 30 },
			),
			items: [{}, {}],
			credentials: credentials(),
		});
		expect(error?.message).toMatch(/would spend 48 Creatify credits/);
		expect(posts()).toHaveLength(0);
	});

	test('Credits per Output raises a documented price, never lowers it; a negative one is refused', async () => {
		const kling = (creditsPerOutput: unknown, maxCreditsPerRun: number) =>
			generate(
				KLING,
				{ inputMode: 'json', inputJson: '{"prompt": "x", "image_url": "https://x/a.png"}' },
				{ creditsPerOutput, maxCreditsPerRun },
			);
		const lowered = await runCreatify({
			parameters: kling(1, 30),
			items: [{}, {}],
			credentials: credentials(),
		});
		expect(lowered.error?.message).toMatch(/would spend 48 Creatify credits/);
		const raised = await runCreatify({
			parameters: kling(30, 59),
			items: [{}, {}],
			credentials: credentials(),
		});
		expect(raised.error?.message).toMatch(/would spend 60 Creatify credits/);
		const negative = await runCreatify({
			parameters: kling(-2, 0),
			items: [{}],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(failureOf(negative.items[0])?.message).toBe(
			'Credits per Output must be a number of 0 or more, got -2 (item 0)',
		);
		expect(posts()).toHaveLength(0);
	});

	test('a failed generation is an error naming the job and its reason; the video of an image-to-video model downloads', async () => {
		const { items } = await runCreatify({
			parameters: generate(
				KLING,
				{
					inputFields: fields({
						prompt: '={{ $json.prompt }}',
						image_url: 'https://shop.example.com/lamp.png',
					}),
				},
				{ download: 'assets' },
			),
			items: [{ prompt: 'fail-prompt' }, { prompt: 'The lamp turns on' }],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(failureOf(items[0])?.message).toMatch(
			/Generation \S+ failed: The model could not generate from this prompt/,
		);
		expect(items[1].binary?.data.mimeType).toBe('video/mp4');
		expect(items[1].binary?.data.fileName).toBe(`${String(items[1].json.id)}-1.mp4`);
	});
});

describe('Asset Generator models and pickers', () => {
	test('Get Many Models lists each model with its schema and documented price, filtered by kind and name', async () => {
		const all = await runCreatify({
			parameters: { resource: 'assetGenerator', operation: 'getModels', returnAll: true },
			credentials: credentials(),
		});
		expect(all.items.map((i) => [i.json.model_name, i.json.credits_per_output])).toEqual([
			[NANO, 4],
			['nano-banana/edit', 4],
			[KLING, 24],
			[UNPRICED, null],
		]);
		expect(all.items[0].json.input_params_schema).toMatchObject({ required: ['prompt'] });
		const videos = await runCreatify({
			parameters: {
				resource: 'assetGenerator',
				operation: 'getModels',
				returnAll: true,
				filters: { generationTypes: ['image_to_video'] },
			},
			credentials: credentials(),
		});
		expect(videos.items.map((i) => i.json.model_name)).toEqual([KLING]);
	});

	test("the editor's model picker and the model's input fields, read from its schema", async () => {
		const ctx = loadOptionsContext(
			{ resource: 'assetGenerator', operation: 'create', model: byName(KLING) },
			credentials(),
		);
		const picked = await listSearch.searchAssetModels.call(ctx, 'kling');
		expect(picked.results).toEqual([
			{ name: `${KLING} · image to video · 24 credits per output`, value: KLING },
		]);
		const { fields: shown } = await getAssetModelFields.call(ctx);
		expect(shown.map((f) => [f.id, f.type, f.required])).toEqual([
			['prompt', 'string', true],
			['image_url', 'url', true],
			['duration', 'options', false],
			['cfg_scale', 'number', false],
		]);
		const unknown = loadOptionsContext(
			{ resource: 'assetGenerator', operation: 'create', model: byName('veo9') },
			credentials(),
		);
		expect(await getAssetModelFields.call(unknown)).toEqual({
			fields: [],
			emptyFieldsNotice: 'Creatify lists no model "veo9"',
		});
	});
});
