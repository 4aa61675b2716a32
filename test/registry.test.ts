/**
 * FAMILIES is the one list the node is derived from: every family must reach each list derived from it. A family
 * added to FAMILIES and missing from any of them fails here, naming the list.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { Creatify } from '../nodes/Creatify/Creatify.node';
import { resources } from '../nodes/Creatify/actions/router';
import { listSearch } from '../nodes/Creatify/methods/listSearch';
import { CreatifyTrigger } from '../nodes/CreatifyTrigger/CreatifyTrigger.node';
import { FAMILIES } from '../nodes/shared/families';
import { jobIdParameter, jobIdsParameter, jobPickerMethod } from '../nodes/shared/families/names';
import type { JobFamily } from '../nodes/shared/families/types';

const node = new Creatify().description;
const trigger = new CreatifyTrigger().description;
const codex = JSON.parse(
	readFileSync(join(__dirname, '..', 'nodes', 'Creatify', 'Creatify.node.json'), 'utf8'),
) as { alias: string[] };

const property = (properties: INodeProperties[], name: string) =>
	properties.find((p) => p.name === name)!;
const optionValues = (p: INodeProperties) =>
	(p.options as Array<{ value: string }>).map((option) => option.value);

/** Every property, nested ones too (collections and fixed collections). */
function allProperties(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => {
		const nested = (p.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>;
		const children = nested.flatMap((o) => (o.values ? o.values : 'type' in o ? [o] : []));
		return [p, ...allProperties(children)];
	});
}

/** The operations shown for a resource. */
function operationsOf(resource: string): string[] {
	const operation = node.properties.find(
		(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	return operation ? optionValues(operation) : [];
}

describe.each(FAMILIES.map((family: JobFamily) => [family.name, family]))('%s', (name, family) => {
	test('is a Resource option of the node, with an operations folder in the router', () => {
		expect(optionValues(property(node.properties, 'resource'))).toContain(name);
		expect(Object.keys(resources)).toContain(name);
	});

	test('has Get and Get Many, shown in the editor and routed', () => {
		expect(operationsOf(name)).toEqual(expect.arrayContaining(['get', 'getMany']));
		const operations = resources[name as keyof typeof resources].operations as Record<
			string,
			{ execute: unknown }
		>;
		expect(typeof operations.get.execute).toBe('function');
		expect(typeof operations.getMany.execute).toBe('function');
		const names = allProperties(node.properties).map((p) => p.name);
		expect(names).toEqual(
			expect.arrayContaining([jobIdParameter(family), jobIdsParameter(family)]),
		);
	});

	test('has a job picker', () => {
		expect(typeof listSearch[jobPickerMethod(family as JobFamily<never>)]).toBe('function');
	});

	test("is one of the trigger's Job Types, with its events and its kind filter", () => {
		expect(optionValues(property(trigger.properties, 'jobTypes'))).toContain(name);
		const events = optionValues(property(trigger.properties, 'events'));
		for (const step of family.steps) expect(events).toContain(step.event.value);
		if (family.kind) {
			expect(optionValues(property(trigger.properties, family.kind.parameter.name))).toEqual(
				family.kind.options.map((option) => option.value),
			);
		}
	});

	test("has its aliases in the node's codex (the nodes panel search)", () => {
		expect(family.aliases.length).toBeGreaterThan(0);
		expect(codex.alias).toEqual(expect.arrayContaining([...family.aliases]));
	});
});

test('every picker a locator names exists, and every picker is named by a locator', () => {
	const named = new Set(
		allProperties(node.properties).flatMap((p) =>
			(p.modes ?? []).flatMap((mode) => {
				const method = mode.typeOptions?.searchListMethod;
				return method ? [method] : [];
			}),
		),
	);
	expect([...named].sort()).toEqual(Object.keys(listSearch).sort());
});
