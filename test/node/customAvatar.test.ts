/**
 * Custom avatars against the simulator: a video file uploaded (multipart, personas_v2) or a URL (personas), the
 * fields Creatify requires checked first, no waiting by default, the status read from process_status.
 */
import type { INodeParameters } from 'n8n-workflow';

import { itemWithFiles, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';
import type { ReceivedFile } from '../simulator/multipart';

const { sim, credentials } = useSimulator({ videoMs: 60 });
const VIDEO = 'https://cdn.example.com/james.mp4';
const MP4 = Buffer.concat([
	Buffer.from([0, 0, 0, 0x18]),
	Buffer.from('ftypmp42'),
	Buffer.alloc(4000),
]);

const createAvatar = (
	extra: INodeParameters = {},
	options: INodeParameters = {},
): INodeParameters => ({
	resource: 'avatar',
	operation: 'create',
	creatorName: 'James',
	gender: 'm',
	videoScene: 'office',
	videoUrl: VIDEO,
	options,
	...extra,
});

test('a video URL goes to POST /api/personas/ as JSON; by default the avatar is returned as created, unpaid', async () => {
	const { items, error } = await runCreatify({
		parameters: createAvatar({}, { keywords: 'friendly, office', labels: 'sales, en' }),
		items: [{}],
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ status: 'pending', process_status: 'pending' });
	expect(sim.paidAttempts('personas')[0].body).toEqual({
		creator_name: 'James',
		gender: 'm',
		video_scene: 'office',
		keywords: 'friendly, office',
		labels: ['sales', 'en'],
		lipsync_input: VIDEO,
	});
	// free: the credits are not even read
	expect(sim.requests.filter((r) => r.path === '/api/remaining_credits/')).toHaveLength(0);
});

test('a video file goes to POST /api/personas_v2/ as a multipart part named lipsync_input, labels one part each', async () => {
	const { items, error } = await runCreatify({
		parameters: createAvatar(
			{ videoSource: 'binary', videoBinaryProperty: 'clip', waitMode: 'poll' },
			{ labels: 'sales, en', pollIntervalSeconds: 1 },
		),
		items: [itemWithFiles({ clip: { bytes: MP4, mimeType: 'video/mp4', fileName: 'james.mp4' } })],
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ status: 'done', process_status: 'done', is_active: true });
	const [post] = sim.paidAttempts('personas_v2');
	expect(post.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
	expect(post.body).toEqual({
		creator_name: 'James',
		gender: 'm',
		video_scene: 'office',
		labels: ['sales', 'en'],
		lipsync_input: {
			fileName: 'james.mp4',
			type: 'video/mp4',
			size: MP4.length,
			head: expect.stringContaining('ftyp') as string,
		} satisfies ReceivedFile,
	});
});

test('what Creatify would refuse is refused first, naming the item; a rejected avatar is a failure with its reason', async () => {
	const { items } = await runCreatify({
		parameters: createAvatar({
			creatorName: '={{ $json.name }}',
			videoScene: '={{ $json.scene }}',
			videoSource: '={{ $json.source }}',
			waitMode: 'poll',
		}),
		items: [
			{ name: 'x'.repeat(256), scene: 'office', source: 'url' },
			{ name: 'James', scene: '', source: 'url' },
			itemWithFiles({ data: { bytes: MP4, mimeType: 'image/gif', fileName: 'james.gif' } }),
			{ name: 'reject-avatar James', scene: 'office', source: 'url' },
		].map((item, index) =>
			index === 2 ? { ...item, json: { name: 'James', scene: 'office', source: 'binary' } } : item,
		),
		credentials: credentials(),
		continueOnFail: true,
	});
	expect(failureOf(items[0])?.message).toBe(
		'Name is 256 characters long; Creatify accepts at most 255 (item 0)',
	);
	expect(failureOf(items[1])?.message).toBe('Video Scene is empty (item 1)');
	expect(failureOf(items[2])?.message).toMatch(/Creatify takes mp4, mov files \(item 2\)/);
	expect(failureOf(items[3])?.message).toMatch(
		/Avatar \S+ was rejected: The video did not pass review/,
	);
	expect(sim.paidAttempts()).toHaveLength(1);
});

test('Get Many by IDs returns only the avatars asked for, even if the listing ignores its undocumented ids filter', async () => {
	const created = await runCreatify({
		parameters: createAvatar({ creatorName: '={{ $json.name }}' }),
		items: [{ name: 'James' }, { name: 'Maya' }],
		credentials: credentials(),
	});
	const [james] = created.items.map((item) => String(item.json.id));
	sim.ignorePersonaFilters = true;
	const { items, error } = await runCreatify({
		parameters: { resource: 'avatar', operation: 'getMany', avatarIds: james, returnAll: true },
		credentials: credentials(),
	});
	expect(error).toBeUndefined();
	expect(items.map((item) => [item.json.id, item.json.creator_name])).toEqual([[james, 'James']]);
});
