/** AI Ad Templates against the simulator: templates, their input fields, jobs with waiting, assets, errors, trigger. */
import { mapperFields, rl, useSimulator } from '../harness/fixture';
import { failureOf, loadOptionsContext, runCreatify } from '../harness/n8n';
import { TEMPLATES } from '../simulator/adTemplate';
import { getTemplateFields } from '../../nodes/Creatify/methods/resourceMapping';
import { listSearch } from '../../nodes/Creatify/methods/listSearch';

const { searchAdTemplates, searchAdTemplateJobs: searchTemplateJobs } = listSearch;

const { sim, credentials } = useSimulator({ videoMs: 80 });
const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };
const [JEWELRY, BANNERS] = TEMPLATES;
const IMAGE = 'https://shop.example.com/ring.png';

const fields = mapperFields;
const generate = (template: string, extra: object = {}, options: object = {}) => ({
	resource: 'adTemplate',
	template: rl(template),
	options: { ...FAST_POLL, ...options },
	...extra,
});
const posts = () => sim.paidAttempts('inspiration_jobs');

describe('AI Ad Template Create Job', () => {
	test('is the default operation: the inputs set below make a finished job whose assets are listed and attached', async () => {
		const { items, error } = await runCreatify({
			parameters: generate(
				JEWELRY.id,
				{ inputFields: fields({ 'Product Image': '={{ $json.image }}', 'Brand Name': '' }) },
				{ download: 'assets' },
			),
			items: [{ image: IMAGE }, { image: 'https://shop.example.com/necklace.png' }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(posts().map((r) => r.body)).toEqual([
			{ inspiration_id: JEWELRY.id, input_params: { 'Product Image': IMAGE } },
			{
				inspiration_id: JEWELRY.id,
				input_params: { 'Product Image': 'https://shop.example.com/necklace.png' },
			},
		]);
		// the template is read once for the run, however many items use it
		expect(sim.requests.filter((r) => r.path === `/api/inspirations/${JEWELRY.id}/`)).toHaveLength(
			1,
		);
		const id = items[0].json.id as string;
		expect(items[0].json).toMatchObject({
			status: 'done',
			assets: [{ url: `${sim.url}/media/${id}/video.mp4`, type: 'video' }],
		});
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${id}-1.mp4` });
	});

	test("auto-mapped inputs are the item's fields the template knows, typed as its schema says; every asset is attached", async () => {
		const row = { Headline: 'Summer sale', 'Product Image': IMAGE, Variations: '3', sku: 'A1' };
		const { items, error } = await runCreatify({
			parameters: generate(
				BANNERS.id,
				{ inputFields: fields({}, 'autoMapInputData') },
				{ download: 'assets', binaryProperty: 'banner' },
			),
			items: [row],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(posts()[0].body).toEqual({
			inspiration_id: BANNERS.id,
			input_params: { Headline: 'Summer sale', 'Product Image': IMAGE, Variations: 3 },
		});
		const id = items[0].json.id as string;
		expect(items[0].binary?.banner).toMatchObject({
			mimeType: 'image/png',
			fileName: `${id}-1.png`,
		});
		expect(items[0].binary?.banner_1).toMatchObject({
			mimeType: 'image/jpeg',
			fileName: `${id}-2.jpg`,
		});
	});

	test('JSON mode sends the object as input_params', async () => {
		const { error } = await runCreatify({
			parameters: generate(BANNERS.id, {
				inputMode: 'json',
				inputJson:
					'={{ JSON.stringify({ Headline: $json.h, "Product Image": $json.i, Style: "bold" }) }}',
			}),
			items: [{ h: 'New in', i: IMAGE }],
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(posts()[0].body).toEqual({
			inspiration_id: BANNERS.id,
			input_params: { Headline: 'New in', 'Product Image': IMAGE, Style: 'bold' },
		});
	});

	test.each([
		[{ Headline: 'Hi' }, /"Product Image" is required/],
		[
			{ Headline: 'Hi', 'Product Image': IMAGE, Style: 'loud' },
			/"Style" must be one of "bold", "minimal", got "loud"/,
		],
		[
			{ Headline: 'Hi', 'Product Image': IMAGE, Variations: 'many' },
			/"Variations" must be a whole number, got "many"/,
		],
	])(
		'inputs that do not fit the template stop the run before anything is paid (%#)',
		async (input, message) => {
			const { error } = await runCreatify({
				parameters: generate(BANNERS.id, {
					inputMode: 'json',
					inputJson: '={{ JSON.stringify($json) }}',
				}),
				items: [{ Headline: 'Fine', 'Product Image': IMAGE }, input],
				credentials: credentials(),
			});
			expect(error?.message).toMatch(/^The inputs do not fit the template "Summer Sale Banners": /);
			expect(error?.message).toMatch(message);
			expect(error?.message).toContain('(item 1)');
			expect(posts()).toHaveLength(0);
		},
	);

	test('JSON that is not an object, and a template that does not exist, are errors with nothing paid', async () => {
		const notJson = await runCreatify({
			parameters: generate(BANNERS.id, { inputMode: 'json', inputJson: '{ nope' }),
			credentials: credentials(),
		});
		expect(notJson.error?.message).toBe('Input Parameters (JSON) is not valid JSON (item 0)');
		const missing = await runCreatify({
			parameters: generate('0b9e2c4a-1d3f-4e6a-9b8c-7d6e5f4a3b2c', {
				inputMode: 'json',
				inputJson: '{}',
			}),
			credentials: credentials(),
		});
		expect(missing.error?.message).toBe(
			'Template "0b9e2c4a-1d3f-4e6a-9b8c-7d6e5f4a3b2c" not found',
		);
		expect(missing.error?.description).toMatch(/Get Many Templates\. Nothing was sent/);
		expect(posts()).toHaveLength(0);
	});

	test('a template that cannot be read fails every item needing it, each named, asked once; other items go on', async () => {
		sim.inject({ method: 'GET', path: `/api/inspirations/${JEWELRY.id}/`, status: 400, times: 1 });
		const { items, error } = await runCreatify({
			parameters: generate('={{ $json.template }}', {
				inputMode: 'json',
				inputJson: '={{ JSON.stringify($json.input) }}',
			}),
			items: [
				{ template: JEWELRY.id, input: { 'Product Image': IMAGE } },
				{ template: BANNERS.id, input: { Headline: 'Hi', 'Product Image': IMAGE } },
				{ template: JEWELRY.id, input: { 'Product Image': IMAGE } },
			],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.status ?? failureOf(i)?.message, i.pairedItem])).toEqual([
			[expect.stringMatching(`for the template ${JEWELRY.id} \\(HTTP 400\\)`), { item: 0 }],
			['done', { item: 1 }],
			[expect.stringMatching(`for the template ${JEWELRY.id} \\(HTTP 400\\)`), { item: 2 }],
		]);
		expect(sim.requests.filter((r) => r.path === `/api/inspirations/${JEWELRY.id}/`)).toHaveLength(
			1,
		);
		expect(posts()).toHaveLength(1);
	});

	test('a finished job whose output names no file, with Download Result on, is an error item naming the job', async () => {
		sim.adTemplate.templates[0].outputs = [];
		const { items } = await runCreatify({
			parameters: generate(
				JEWELRY.id,
				{ inputFields: fields({ 'Product Image': IMAGE }) },
				{ download: 'assets' },
			),
			credentials: credentials(),
			continueOnFail: true,
		});
		const id = [...sim.adTemplate.jobs.keys()][0];
		expect(failureOf(items[0])?.message).toBe(
			`Template Job ${id} finished, but its output names no file to download (output: "[]")`,
		);
		expect(failureOf(items[0])).toMatchObject({ taskId: id });
	});

	test('Map Automatically with a template whose schema names no inputs is refused', async () => {
		sim.adTemplate.templates[0].input_params_schema.properties = {};
		sim.adTemplate.templates[0].input_params_schema.required = [];
		const { error } = await runCreatify({
			parameters: generate(JEWELRY.id, { inputFields: fields({}, 'autoMapInputData') }),
			items: [{ 'Product Image': IMAGE }],
			credentials: credentials(),
		});
		expect(error?.message).toMatch(/^Map Automatically needs the template's input names/);
		expect(posts()).toHaveLength(0);
	});

	test("Check Credits First counts each item at its template's credit cost", async () => {
		sim.reset({ credits: 15 });
		const { error } = await runCreatify({
			parameters: generate(
				JEWELRY.id,
				{ inputFields: fields({ 'Product Image': IMAGE }) },
				{ checkCredits: true },
			),
			items: [{}, {}],
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 20, the account has 15',
		);
		expect(posts()).toHaveLength(0);
	});
});

describe('Templates, their fields, the job picker', () => {
	test('Get Many Templates lists templates with their schemas and prices, filtered by name and cost', async () => {
		const all = await runCreatify({
			parameters: { resource: 'adTemplate', operation: 'getTemplates', returnAll: true },
			credentials: credentials(),
		});
		expect(all.items.map((i) => [i.json.name, i.json.credit_cost])).toEqual([
			['Luxurious Jewelry', 10],
			['Summer Sale Banners', 2],
		]);
		expect(all.items[1].json.input_params_schema).toMatchObject({
			required: ['Headline', 'Product Image'],
		});
		const cheap = await runCreatify({
			parameters: {
				resource: 'adTemplate',
				operation: 'getTemplates',
				filters: { maxCredits: 5 },
				limit: 10,
			},
			credentials: credentials(),
		});
		expect(cheap.items.map((i) => i.json.name)).toEqual(['Summer Sale Banners']);
		const named = await runCreatify({
			parameters: {
				resource: 'adTemplate',
				operation: 'getTemplates',
				filters: { name: 'JEWEL' },
				limit: 10,
			},
			credentials: credentials(),
		});
		expect(named.items.map((i) => i.json.name)).toEqual(['Luxurious Jewelry']);
	});

	test("the editor's template picker and the template's input fields, read from its schema", async () => {
		const ctx = loadOptionsContext(
			{ resource: 'adTemplate', template: rl(BANNERS.id) },
			credentials(),
		);
		const picked = await searchAdTemplates.call(ctx, 'sale');
		expect(picked.results).toEqual([
			{ name: 'Summer Sale Banners · image · 2 credits', value: BANNERS.id, url: undefined },
		]);
		const { fields: shown } = await getTemplateFields.call(ctx);
		expect(shown.map((f) => [f.id, f.type, f.required])).toEqual([
			['Headline', 'string', true],
			['Product Image', 'url', true],
			['Style', 'options', false],
			['Variations', 'number', false],
		]);
		expect(shown[2].options).toEqual([
			{ name: 'bold', value: 'bold' },
			{ name: 'minimal', value: 'minimal' },
		]);
		const none = loadOptionsContext({ resource: 'adTemplate', template: rl('') }, credentials());
		expect(await getTemplateFields.call(none)).toEqual({
			fields: [],
			emptyFieldsNotice: 'Pick a template to see its inputs',
		});
	});

	test('the job picker lists the template jobs', async () => {
		const created = await runCreatify({
			parameters: generate(JEWELRY.id, {
				inputFields: fields({ 'Product Image': IMAGE }),
				waitMode: 'none',
			}),
			items: [{}, {}],
			credentials: credentials(),
		});
		const ids = created.items.map((i) => i.json.id as string);
		const picker = await searchTemplateJobs.call(loadOptionsContext({}, credentials()));
		expect(picker.results.map((r) => r.value).sort()).toEqual([...ids].sort());
	});
});
