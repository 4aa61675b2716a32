/**
 * The families whose job holds one preview, then its render (AI Avatar, Custom Templates), table-driven: the
 * trigger reports the preview and then the video of the same job, and a rejected job is a failure naming it.
 * (URL to Video's previews, several per job, are in preview.test.ts.)
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { familyNamed } from '../../nodes/shared/families';
import { jobIdParameter } from '../../nodes/shared/families/names';
import type { JobFamily } from '../../nodes/shared/families/types';
import { CASES } from '../conformance/cases';
import { rl, useCallbacks, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';

const { sim, credentials } = useSimulator({ videoMs: 60 });
const { newTrigger } = useCallbacks();

describe.each(['aiAvatar', 'customTemplate'] as const)('%s', (name) => {
	const family = familyNamed(name) as JobFamily;
	const { parameters, good, failing } = CASES[name];
	const run = (extra: INodeParameters, options: INodeParameters, item: IDataObject) =>
		runCreatify({
			parameters: parameters(extra, options),
			items: [item],
			credentials: credentials(),
		});

	test.each([true, false])(
		`${name}: the trigger emits "previewReady" for a preview, then "videoReady" when it is rendered (Verify With Creatify API: %s)`,
		async (verifyWithApi) => {
			const trigger = newTrigger(
				{ jobTypes: [name], events: ['previewReady', 'videoReady'], verifyWithApi },
				credentials(),
			);
			await trigger.start();
			const created = await run(
				{ operation: 'createPreview', waitMode: 'none' },
				{ webhookUrl: trigger.url },
				good(1),
			);
			const id = created.items[0].json.id as string;
			await sim.waitForStatus(id, ['done']);
			await sim.settleWebhooks();
			const rendered = await runCreatify({
				parameters: {
					resource: name,
					operation: 'render',
					[jobIdParameter(family)]: rl(id),
					options: { pollIntervalSeconds: 1, download: 'none' },
				},
				credentials: credentials(),
			});
			expect(rendered.error).toBeUndefined();
			await sim.settleWebhooks();
			expect(
				trigger.executions.map((e) => [e[0].json.id, e[0].json.event, e[0].json.jobType]),
			).toEqual([
				[id, 'previewReady', name],
				[id, 'videoReady', name],
			]);
		},
	);

	test(`${name}: a rejected job is an error item with its status and reason`, async () => {
		const rejected = JSON.parse(JSON.stringify(failing).replace('fail-video', 'reject-video'));
		const { items } = await runCreatify({
			parameters: parameters({ waitMode: 'poll' }, { download: 'none' }),
			items: [rejected],
			credentials: credentials(),
			continueOnFail: true,
		});
		const failure = failureOf(items[0])!;
		expect(failure.message).toContain(`${family.noun} ${failure.taskId}`);
		expect(failure.task).toMatchObject({ status: 'rejected', failed_reason: expect.any(String) });
	});
});
