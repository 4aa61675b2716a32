// The rules of `n8n-node lint` (@n8n/node-cli), which n8n's community-package review applies, assembled
// from the same plugins so the package needs no CLI scaffold.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import js from '@eslint/js';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importPlugin from 'eslint-plugin-import-x';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

const communityNodesRecommended = n8nCommunityNodesPlugin.configs.recommended;

/**
 * Files of nodes/ that are part of an import cycle, type-only imports included (import-x/no-cycle skips those).
 * Read once per lint run from the files on disk.
 */
const cycleMembers = (() => {
	let members;
	const filesUnder = (dir) =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory()
				? filesUnder(join(dir, entry.name))
				: /\.ts$/.test(entry.name)
					? [join(dir, entry.name)]
					: [],
		);
	const importsOf = (file) =>
		[...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*'(\.[^']+)'/gm)]
			.map(([, spec]) => resolve(dirname(file), spec))
			.map((base) => [`${base}.ts`, join(base, 'index.ts')].find((path) => existsSync(path)))
			.filter(Boolean);
	const find = () => {
		const graph = new Map(filesUnder(resolve('nodes')).map((file) => [file, importsOf(file)]));
		const found = new Set();
		for (const start of graph.keys()) {
			const seen = new Set();
			const stack = [...graph.get(start)];
			while (stack.length) {
				const next = stack.pop();
				if (next === start) found.add(start);
				if (seen.has(next) || !graph.has(next)) continue;
				seen.add(next);
				stack.push(...graph.get(next));
			}
		}
		return found;
	};
	return () => (members ??= find());
})();

const layersPlugin = {
	rules: {
		'no-import-cycle': {
			meta: { type: 'problem', schema: [] },
			create: (context) => ({
				Program(node) {
					if (!cycleMembers().has(resolve(context.filename))) return;
					context.report({
						node,
						message: `${relative(process.cwd(), context.filename)} is part of an import cycle (type-only imports count): layers point one way.`,
					});
				},
			}),
		},
	},
};

/** An import-x zone: files in `target` must not import from any of `from`. */
const layer = (target, from) => ({
	target: `./${target}`,
	from: from.map((path) => `./${path}`),
	message:
		'Layers point down: node files -> actions -> engine -> transport -> families -> helpers.',
});

export default tseslint.config(
	globalIgnores(['dist', 'node_modules', 'coverage', '**/*.js', '**/*.mjs']),
	{
		files: ['**/*.ts'],
		extends: [
			js.configs.recommended,
			tseslint.configs.recommended,
			importPlugin.configs['flat/recommended'],
			importPlugin.configs['flat/typescript'],
		],
		rules: { 'prefer-spread': 'off', 'no-console': 'error' },
		settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [communityNodesRecommended],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
	},
	{
		files: ['package.json'],
		extends: [communityNodesRecommended],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		// Layers point one way: node files -> actions -> engine -> transport -> families -> helpers, and each node
		// keeps to its own folder plus nodes/shared. No import cycles (type-only imports count).
		files: ['nodes/**/*.ts'],
		plugins: { layers: layersPlugin },
		rules: {
			'import-x/no-cycle': 'error',
			'layers/no-import-cycle': 'error',
			// functions short enough to read at once
			'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
			'import-x/no-restricted-paths': [
				'error',
				{
					zones: [
						layer('nodes/shared/helpers', [
							'nodes/shared/families',
							'nodes/shared/transport',
							'nodes/Creatify',
							'nodes/CreatifyTrigger',
						]),
						layer('nodes/shared/families', [
							'nodes/shared/transport',
							'nodes/Creatify',
							'nodes/CreatifyTrigger',
						]),
						layer('nodes/shared/transport', ['nodes/Creatify', 'nodes/CreatifyTrigger']),
						layer('nodes/Creatify/engine', [
							'nodes/Creatify/actions',
							'nodes/Creatify/methods',
							'nodes/CreatifyTrigger',
						]),
						layer('nodes/Creatify/methods', ['nodes/Creatify/actions', 'nodes/Creatify/engine']),
						layer('nodes/Creatify/actions', ['nodes/CreatifyTrigger']),
						layer('nodes/CreatifyTrigger', ['nodes/Creatify']),
					],
				},
			],
		},
	},
	{
		// tests, benchmarks and the simulator are Node.js programs, not nodes: console and timers are theirs to use
		files: ['test/**/*.ts', 'bench/**/*.ts'],
		rules: { 'no-console': 'off' },
	},
);
