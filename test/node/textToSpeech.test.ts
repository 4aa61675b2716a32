/** Text to Speech and Voices against the simulator: voice-overs with waiting, errors, downloads and the trigger. */
import { rl, useSimulator } from '../harness/fixture';
import { runCreatify } from '../harness/n8n';
import { VOICES } from '../simulator/urlToVideo';

const { sim, credentials } = useSimulator({ videoMs: 80 });
const FAST_POLL = { pollIntervalSeconds: 1, maxPollIntervalSeconds: 1 };
const VOICE = VOICES[1].accents[0].id;

const speak = (options: object = {}, extra: object = {}) => ({
	resource: 'textToSpeech',
	script: '={{ $json.script }}',
	voice: rl(VOICE),
	options: { ...FAST_POLL, ...options },
	...extra,
});
const posts = () => sim.paidAttempts('text_to_speech');

describe('Text to Speech Create', () => {
	test('is the default operation: each script becomes a finished voice-over with its audio attached', async () => {
		const scripts = ['Hello there.', 'Our bottle keeps drinks cold for a day.'];
		const { items, error } = await runCreatify({
			parameters: speak({ download: 'audio' }),
			items: scripts.map((script) => ({ script })),
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.status, i.json.script, i.pairedItem])).toEqual([
			['done', scripts[0], { item: 0 }],
			['done', scripts[1], { item: 1 }],
		]);
		expect(posts().map((r) => r.body)).toEqual(
			scripts.map((script) => ({ script, accent: VOICE })),
		);
		const id = items[0].json.id as string;
		expect(items[0].json.output).toBe(`${sim.url}/media/${id}/audio.mp3`);
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'audio/mpeg', fileName: `${id}.mp3` });
	});

	test.each([
		['', /Script is empty/],
		['x'.repeat(8001), /Script is 8001 characters long; Creatify reads at most 8000/],
	])('a bad script stops the run before anything is sent (%#)', async (script, message) => {
		const { error } = await runCreatify({
			parameters: speak(),
			items: [{ script: 'fine' }, { script }],
			credentials: credentials(),
		});
		expect(error?.message).toMatch(message);
		expect(error?.message).toContain('(item 1)');
		expect(sim.requests).toHaveLength(0);
	});

	test('a voice that is not an ID is an input error; no voice lets Creatify choose', async () => {
		const bad = await runCreatify({
			parameters: speak({}, { voice: rl('={{ "alloy" }}') }),
			items: [{ script: 'Hi' }],
			credentials: credentials(),
		});
		expect(bad.error?.message).toMatch(/Voice ID must be a Creatify ID/);
		expect(sim.requests).toHaveLength(0);
		const none = await runCreatify({
			parameters: speak({ download: 'none' }, { voice: rl('', 'list') }),
			items: [{ script: 'Hi' }],
			credentials: credentials(),
		});
		expect(none.error).toBeUndefined();
		expect(posts().map((r) => r.body)).toEqual([{ script: 'Hi' }]);
	});

	test('Check Credits First estimates 1 credit per 450 characters and stops before anything is sent', async () => {
		sim.reset({ credits: 3 });
		const { error } = await runCreatify({
			parameters: speak({ checkCredits: true }),
			items: [{ script: 'a'.repeat(900) }, { script: 'b'.repeat(451) }],
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			'Not enough Creatify credits for this run: it needs 4, the account has 3',
		);
		expect(sim.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
	});
});

describe('Voices', () => {
	test('Voice Get Many lists voices with their accents, filtered by gender and name', async () => {
		const all = await runCreatify({
			parameters: { resource: 'voice', operation: 'getMany', returnAll: true },
			credentials: credentials(),
		});
		expect(all.items.map((i) => i.json.name)).toEqual(VOICES.map((v) => v.name));
		const male = await runCreatify({
			parameters: { resource: 'voice', filters: { gender: 'male' }, returnAll: true },
			credentials: credentials(),
		});
		expect(male.items.map((i) => i.json.name)).toEqual(['Leo']);
		const british = await runCreatify({
			parameters: { resource: 'voice', filters: { name: 'BRIT' }, limit: 5 },
			credentials: credentials(),
		});
		expect(british.items.map((i) => i.json.name)).toEqual(['Aria']);
	});
});
