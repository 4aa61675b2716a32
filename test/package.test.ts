/**
 * What n8n needs from the published package: the files `npm pack` ships, the package.json rules of verified
 * community nodes, and node/credential descriptions that load from dist/ (built by `npm test` first).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodeType, ICredentialType } from 'n8n-workflow';

const root = join(__dirname, '..');
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const pkg = readJson(join(root, 'package.json'));
// the dist files are loaded as n8n loads them, at run time, not through the test transpiler
const load = (path: string) => module.require(join(root, path));

test('package.json follows the community-node rules', () => {
	expect(pkg.name).toBe('n8n-nodes-creatify');
	expect(pkg.license).toBe('MIT');
	expect(pkg.keywords).toContain('n8n-community-node-package');
	expect(pkg.dependencies ?? {}).toEqual({});
	expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(pkg.overrides).toBeUndefined();
	for (const hook of ['preinstall', 'install', 'postinstall', 'prepare'])
		expect(pkg.scripts[hook]).toBeUndefined();
	expect(pkg.files).toEqual(['dist']);
	expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	// zod resolves to n8n's own copy at run time: the dev copy must be the version n8n-workflow expects
	const workflowPkg = readJson(join(root, 'node_modules/n8n-workflow/package.json'));
	const expectedZod = workflowPkg.dependencies?.zod ?? workflowPkg.peerDependencies?.zod;
	expect(pkg.devDependencies.zod).toBe(expectedZod);
});

test('npm pack ships the compiled nodes, credential, codex and icons, and nothing else', () => {
	const [report] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const files: string[] = report.files.map((f: { path: string }) => f.path);
	for (const entry of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(entry);
	for (const asset of [
		'dist/nodes/Creatify/Creatify.node.json',
		'dist/nodes/Creatify/creatify.svg',
		'dist/nodes/Creatify/creatify.dark.svg',
		'dist/nodes/CreatifyTrigger/CreatifyTrigger.node.json',
		'dist/nodes/CreatifyTrigger/creatify.svg',
		'dist/nodes/CreatifyTrigger/creatify.dark.svg',
		'dist/credentials/creatify.svg',
		'dist/credentials/creatify.dark.svg',
	]) {
		expect(files).toContain(asset);
	}
	expect(
		files.filter(
			(f) =>
				!f.startsWith('dist/') &&
				!['package.json', 'index.js', 'README.md', 'LICENSE.md', 'CHANGELOG.md'].includes(f),
		),
	).toEqual([]);
	expect(files.some((f) => f.startsWith('dist/test') || f.includes('simulator'))).toBe(false);
});

describe('the built node', () => {
	const { Creatify } = load('dist/nodes/Creatify/Creatify.node.js');
	const { CreatifyApi } = load('dist/credentials/CreatifyApi.credentials.js');
	const { CreatifyTrigger } = load('dist/nodes/CreatifyTrigger/CreatifyTrigger.node.js');
	const node: INodeType = new Creatify();
	const trigger: INodeType = new CreatifyTrigger();
	const credential: ICredentialType = new CreatifyApi();
	const properties = node.description.properties;

	const operationsOf = (resource: string) =>
		(
			properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
			)?.options ?? []
		).map((o) => (o as { value: string }).value);

	test('names and operations are the public contract', () => {
		expect(node.description.name).toBe('creatify');
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.credentials).toEqual([{ name: 'creatifyApi', required: true }]);
		expect(credential.name).toBe('creatifyApi');
		expect(operationsOf('productVideo').sort()).toEqual([
			'createVideo',
			'generateImage',
			'generateVideo',
			'get',
			'getMany',
			'regenerateImage',
			'regenerateVideo',
		]);
		expect(operationsOf('urlToVideo').sort()).toEqual([
			'createFromUrl',
			'createLink',
			'createPreviews',
			'createVideo',
			'get',
			'getLink',
			'getMany',
			'render',
			'updateLink',
		]);
		expect(operationsOf('textToSpeech').sort()).toEqual(['create', 'get', 'getMany']);
		expect(operationsOf('aurora').sort()).toEqual(['create', 'get', 'getMany']);
		expect(operationsOf('adTemplate').sort()).toEqual(['create', 'get', 'getMany', 'getTemplates']);
		expect(operationsOf('aiAvatar').sort()).toEqual([
			'createPreview',
			'createVideo',
			'get',
			'getMany',
			'render',
		]);
		expect(operationsOf('customTemplate').sort()).toEqual([
			'createPreview',
			'createVideo',
			'get',
			'getMany',
			'render',
		]);
		expect(operationsOf('aiAvatarV1').sort()).toEqual(['createVideo', 'get', 'getMany']);
		expect(operationsOf('imageAd').sort()).toEqual(['create', 'get', 'getMany']);
		expect(operationsOf('assetGenerator').sort()).toEqual([
			'create',
			'get',
			'getMany',
			'getModels',
		]);
		expect(operationsOf('aiScript').sort()).toEqual(['create', 'get', 'getMany']);
		expect(operationsOf('music')).toEqual(['getCategories', 'getMany']);
		expect(operationsOf('voice')).toEqual(['getMany']);
		expect(operationsOf('account')).toEqual(['getCredits']);
		expect(operationsOf('avatar')).toEqual(['create', 'get', 'getMany']);
	});

	test('the trigger is a webhook trigger that only listens', () => {
		const { description } = trigger;
		expect(description.name).toBe('creatifyTrigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.inputs).toEqual([]);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([
			expect.objectContaining({ name: 'default', httpMethod: 'POST', path: 'creatify' }),
		]);
		expect(Object.keys(trigger.webhookMethods?.default ?? {}).sort()).toEqual([
			'checkExists',
			'create',
			'delete',
		]);
		expect(description.properties.map((p) => p.name)).toEqual([
			'setupNotice',
			'jobTypes',
			'events',
			'productTypes',
			'verifyWithApi',
		]);
	});

	test('every icon the descriptions name exists in dist', () => {
		for (const [dir, icon] of [
			['nodes/Creatify', node.description.icon],
			['nodes/CreatifyTrigger', trigger.description.icon],
			['credentials', credential.icon],
		] as const) {
			for (const file of Object.values(icon as Record<string, string>)) {
				expect(existsSync(join(root, 'dist', dir, file.replace('file:', '')))).toBe(true);
			}
		}
	});

	test('the parameters each operation promises exist', () => {
		// exactly the parameters shown for this resource and operation (names, in description order)
		const shownFor = (resource: string, operation: string) =>
			properties
				.filter(
					(p: INodeProperties) =>
						p.displayOptions?.show?.resource?.includes(resource) &&
						p.displayOptions?.show?.operation?.includes(operation),
				)
				.map((p) => p.name);
		const waiting = ['waitMode', 'callbackNotice', 'maxWaitMinutes'];
		expect(shownFor('productVideo', 'generateVideo')).toEqual([
			'paidNotice',
			'taskId',
			'motionStyle',
			...waiting,
			'options',
		]);
		expect(shownFor('productVideo', 'generateImage')).toEqual([
			'paidNotice',
			'productUrl',
			'productType',
			'aspectRatio',
			...waiting,
			'options',
		]);
		expect(shownFor('productVideo', 'regenerateImage')).toEqual([
			'paidNotice',
			'taskId',
			...waiting,
			'options',
		]);
		expect(shownFor('productVideo', 'get')).toEqual(['taskId']);
		expect(shownFor('productVideo', 'getMany')).toEqual(['taskIds', 'returnAll', 'limit']);
		expect(shownFor('avatar', 'getMany')).toEqual(['avatarIds', 'returnAll', 'limit', 'filters']);
		expect(shownFor('avatar', 'get')).toEqual(['avatarId']);
		const videoSettings = [
			'aspectRatio',
			'videoLength',
			'language',
			'targetPlatform',
			'targetAudience',
			'scriptStyle',
			'visualStyle',
		];
		expect(shownFor('urlToVideo', 'createFromUrl')).toEqual([
			'paidNotice',
			'url',
			...videoSettings,
			...waiting,
			'options',
		]);
		expect(shownFor('urlToVideo', 'createVideo')).toEqual([
			'paidNotice',
			'linkId',
			...videoSettings,
			...waiting,
			'options',
		]);
		expect(shownFor('urlToVideo', 'createLink')).toEqual([
			'source',
			'paidNotice',
			'url',
			'title',
			'description',
			'imageUrls',
			'videoUrls',
			'logoUrl',
			'reviews',
		]);
		expect(shownFor('urlToVideo', 'updateLink')).toEqual(['linkId', 'updateFields']);
		expect(shownFor('urlToVideo', 'getLink')).toEqual(['linkId']);
		expect(shownFor('urlToVideo', 'get')).toEqual(['videoId']);
		expect(shownFor('urlToVideo', 'getMany')).toEqual(['videoIds', 'returnAll', 'limit']);
		expect(shownFor('textToSpeech', 'create')).toEqual([
			'paidNotice',
			'script',
			'voice',
			...waiting,
			'options',
		]);
		expect(shownFor('textToSpeech', 'get')).toEqual(['voiceOverId']);
		expect(shownFor('textToSpeech', 'getMany')).toEqual(['voiceOverIds', 'returnAll', 'limit']);
		expect(shownFor('aurora', 'create')).toEqual([
			'paidNotice',
			'imageSource',
			'imageUrl',
			'imageBinaryProperty',
			'audioSource',
			'audioUrl',
			'audioBinaryProperty',
			'audioSeconds',
			'model',
			'resolution',
			...waiting,
			'options',
		]);
		expect(shownFor('aurora', 'get')).toEqual(['auroraVideoId']);
		expect(shownFor('aurora', 'getMany')).toEqual(['auroraVideoIds', 'returnAll', 'limit']);
		expect(shownFor('adTemplate', 'create')).toEqual([
			'paidNotice',
			'template',
			'inputMode',
			'inputFields',
			'inputJson',
			...waiting,
			'options',
		]);
		expect(shownFor('adTemplate', 'get')).toEqual(['templateJobId']);
		expect(shownFor('adTemplate', 'getMany')).toEqual(['templateJobIds', 'returnAll', 'limit']);
		expect(shownFor('adTemplate', 'getTemplates')).toEqual(['returnAll', 'limit', 'filters']);
		expect(shownFor('voice', 'getMany')).toEqual(['returnAll', 'limit', 'filters']);
	});
});
