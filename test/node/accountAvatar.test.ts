import { useSimulator } from '../harness/fixture';
import { runCreatify } from '../harness/n8n';
import { PERSONAS } from '../simulator/personas';

const { sim, credentials } = useSimulator();

test('Get Credits returns the remaining credits, one item per input item', async () => {
	sim.reset({ credits: 42 });
	const { items } = await runCreatify({
		parameters: { resource: 'account', operation: 'getCredits' },
		items: [{ a: 1 }, { a: 2 }],
		credentials: credentials(),
	});
	expect(items).toEqual([
		{ json: { remaining_credits: 42 }, pairedItem: { item: 0 } },
		{ json: { remaining_credits: 42 }, pairedItem: { item: 1 } },
	]);
});

describe('Avatars: Get Many', () => {
	test('limit 50 by default, all with Return All', async () => {
		const limited = await runCreatify({
			parameters: { resource: 'avatar', operation: 'getMany' },
			credentials: credentials(),
		});
		expect(limited.items).toHaveLength(50);
		const all = await runCreatify({
			parameters: { resource: 'avatar', operation: 'getMany', returnAll: true },
			credentials: credentials(),
		});
		expect(all.items.map((i) => i.json.id)).toEqual(PERSONAS.map((p) => p.id));
	});

	test('without filters, a limit reads one page of that size from the paginated listing', async () => {
		const { items } = await runCreatify({
			parameters: { resource: 'avatar', operation: 'getMany', limit: 5 },
			credentials: credentials(),
		});
		expect(sim.requests.map((r) => [r.path, r.query])).toEqual([
			['/api/personas/paginated/', { page: '1', page_size: '5' }],
		]);
		expect(items.map((i) => i.json.id)).toEqual(PERSONAS.slice(0, 5).map((p) => p.id));
	});

	// the paginated listing documents page and page_size only: filters go to the listing that documents them
	test.each([
		['Creatify applies them', false],
		['Creatify ignores them: the node applies them', true],
	])('with filters and a limit, only matching avatars come back (%s)', async (_title, ignored) => {
		sim.ignorePersonaFilters = ignored;
		const { items } = await runCreatify({
			parameters: {
				resource: 'avatar',
				operation: 'getMany',
				limit: 3,
				filters: { gender: 'f', ageRange: 'adult' },
			},
			credentials: credentials(),
		});
		expect(sim.requests.map((r) => [r.path, r.query])).toEqual([
			['/api/personas/', { gender: 'f', age_range: 'adult' }],
		]);
		const expected = PERSONAS.filter((p) => p.gender === 'f' && p.age_range === 'adult');
		expect(expected.length).toBeGreaterThan(3);
		expect(items.map((i) => i.json.id)).toEqual(expected.slice(0, 3).map((p) => p.id));
	});

	test('a limit above the largest page asks for pages of 100 and stops when Creatify has no next page', async () => {
		sim.reset();
		const { items } = await runCreatify({
			parameters: { resource: 'avatar', operation: 'getMany', limit: 150 },
			credentials: credentials(),
		});
		expect(sim.requests.map((r) => r.query)).toEqual([{ page: '1', page_size: '100' }]);
		expect(items).toHaveLength(PERSONAS.length);
	});

	test('gender and age filters are sent to Creatify', async () => {
		const { items } = await runCreatify({
			parameters: {
				resource: 'avatar',
				operation: 'getMany',
				returnAll: true,
				filters: { gender: 'nb', ageRange: 'senior' },
			},
			credentials: credentials(),
		});
		expect(sim.requests[0].query).toEqual({ gender: 'nb', age_range: 'senior' });
		const expected = PERSONAS.filter((p) => p.gender === 'nb' && p.age_range === 'senior');
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((i) => i.json.id)).toEqual(expected.map((p) => p.id));
	});

	test('an unknown filter value from an expression is refused before sending', async () => {
		const { error } = await runCreatify({
			parameters: { resource: 'avatar', operation: 'getMany', filters: { gender: '={{ "x" }}' } },
			credentials: credentials(),
		});
		expect(error?.message).toBe('Gender must be one of "m", "f", "nb", got "x" (item 0)');
		expect(sim.requests).toHaveLength(0);
	});
});
