/**
 * What the README promises of every paid job, proven once for every family in FAMILIES against the simulator:
 * each waiting mode, input checked and credits counted before anything is paid, failed jobs on the error output,
 * callbacks settled once, Get Many in chunks, the trigger, and downloads. Each test title names the family by its
 * resource value. A family's own behaviour stays in its own test file.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { FAMILIES } from '../../nodes/shared/families';
import type { FamilyName } from '../../nodes/shared/families';
import { jobIdParameter, jobIdsParameter } from '../../nodes/shared/families/names';
import type { JobFamily } from '../../nodes/shared/families/types';
import { CASES } from '../conformance/cases';
import { useCallbacks, useSimulator } from '../harness/fixture';
import { failureOf, runCreatify } from '../harness/n8n';
import { executionsForOneJob } from '../harness/webhook';
import { createJob } from '../simulator/jobRequests';

const { sim, credentials } = useSimulator({ imageMs: 60, videoMs: 80 });
const { newTrigger, resumed } = useCallbacks();

/** The paid requests the simulator received (every family's creation and follow-up requests). */
const paid = () => sim.paidAttempts();
const lastStep = (family: JobFamily) => family.steps[family.steps.length - 1];
const ids = (items: INodeExecutionData[]) => items.map((i) => String(i.json.id));

describe.each(FAMILIES.map((family: JobFamily<FamilyName>) => [family.name, family] as const))(
	'%s',
	(name, family) => {
		const spec = CASES[name];
		/** Two items, each a finished job, paired to its item in order. */
		const expectFinishedInOrder = (items: INodeExecutionData[]) =>
			expect(
				items.map((i) => [lastStep(family).done.includes(String(i.json.status)), i.pairedItem]),
			).toEqual([
				[true, { item: 0 }],
				[true, { item: 1 }],
			]);
		const run = (
			waitMode: string,
			items = [spec.good(1), spec.good(2)],
			options: Record<string, unknown> = {},
			continueOnFail = false,
		) =>
			runCreatify({
				parameters: spec.parameters({ waitMode }, { download: 'none', ...options }),
				items,
				credentials: credentials(),
				continueOnFail,
			});

		test(`${name}: Don't Wait returns each job as created, paired to its item`, async () => {
			const { items, error } = await run('none');
			expect(error).toBeUndefined();
			expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(new Set(ids(items)).size).toBe(2);
			// a job just created is in one of its steps' working statuses (or already done with a fast simulator)
			const known = family.steps.flatMap((step) => [...step.working, ...step.done]);
			for (const item of items) expect(known).toContain(item.json.status);
		});

		test(`${name}: Poll Until Done returns the finished jobs, paired to their items`, async () => {
			const { items, error } = await run('poll');
			expect(error).toBeUndefined();
			expectFinishedInOrder(items);
		});

		test(`${name}: Wait for Creatify Callback resumes once with the finished jobs, each callback delivered twice, nothing paid twice`, async () => {
			sim.webhook = { copies: 2 };
			const { items, error } = await resumed({
				parameters: spec.parameters({ waitMode: 'callback' }, { download: 'none' }),
				items: [spec.good(1), spec.good(2)],
				credentials: credentials(),
			});
			expect(error).toBeUndefined();
			expectFinishedInOrder(items);
			// one paid request per item, and one more for a family that continues the job (Product Video's video)
			expect(paid()).toHaveLength(2 * (family.followUp ? 2 : 1));
		});

		test(`${name}: bad input is refused before anything is paid, naming the item`, async () => {
			const { error } = await run('poll', [spec.good(1), spec.bad.item]);
			expect(error?.message).toMatch(spec.bad.message);
			expect(error?.message).toContain('(item 1)');
			expect(paid()).toHaveLength(0);
		});

		test(`${name}: a Webhook URL longer than Creatify's 200 characters is refused before anything is paid`, async () => {
			const webhookUrl = `https://n8n.example.com/webhook/${'a'.repeat(170)}`;
			const { error } = await run('poll', [spec.good(1)], { webhookUrl });
			expect(error?.message).toContain(
				`Webhook URL is ${webhookUrl.length} characters long; Creatify accepts at most 200`,
			);
			expect(paid()).toHaveLength(0);
		});

		test(`${name}: Wait for Creatify Callback refuses before paying when n8n's callback URL would pass 200 characters`, async () => {
			const { error } = await runCreatify({
				parameters: spec.parameters({ waitMode: 'callback' }, { download: 'none' }),
				items: [spec.good(1)],
				credentials: credentials(),
				waitingBaseUrl: `http://127.0.0.1:5678/${'n8n/'.repeat(40)}webhook-waiting`,
			});
			expect(error?.message).toBe("n8n's callback URL is too long for Creatify");
			expect(error?.description).toMatch(/WEBHOOK_URL.*Poll Until Done.*Nothing was sent/);
			// the URL itself is not shown: n8n's signature in it lets anyone resume the execution
			expect(error?.description).not.toContain('webhook-waiting');
			expect(paid()).toHaveLength(0);
		});

		// a family Creatify does not charge for (custom avatars) is never refused for credits
		const notRegistered = () => undefined;
		const paidFor = spec.credits > 0 ? test : notRegistered;
		const free = spec.credits > 0 ? notRegistered : test;

		free(
			`${name}: costs no credits: Check Credits First and Max Credits per Run let the run through`,
			async () => {
				sim.reset({ credits: 0 });
				const { error } = await run('none', [spec.good(1), spec.good(2)], {
					checkCredits: true,
					maxCreditsPerRun: 1,
				});
				expect(error).toBeUndefined();
				expect(paid()).toHaveLength(2);
			},
		);

		paidFor(
			`${name}: Check Credits First stops a run the account cannot pay before paying anything`,
			async () => {
				sim.reset({ credits: 2 * spec.credits - 1 });
				const { error } = await run('poll', [spec.good(1), spec.good(2)], { checkCredits: true });
				expect(error?.message).toBe(
					`Not enough Creatify credits for this run: it needs ${2 * spec.credits}, the account has ${2 * spec.credits - 1}`,
				);
				expect(paid()).toHaveLength(0);
			},
		);

		paidFor(
			`${name}: Max Credits per Run refuses a run that would pass the cap before paying, whatever the account has`,
			async () => {
				const cap = 2 * spec.credits - 1;
				const { error } = await run('poll', [spec.good(1), spec.good(2)], {
					checkCredits: false,
					maxCreditsPerRun: cap,
				});
				expect(error?.message).toBe(
					`This run would spend ${2 * spec.credits} Creatify credits, more than Max Credits per Run (${cap})`,
				);
				expect(error?.description).toContain(`item 0: ${spec.credits}, item 1: ${spec.credits}`);
				expect(paid()).toHaveLength(0);
			},
		);

		test(`${name}: a failed job is an error item with its ID and record; the others finish`, async () => {
			const { items } = await run('poll', [spec.good(1), spec.failing], {}, true);
			expect(lastStep(family).done).toContain(items[0].json.status);
			const failure = failureOf(items[1])!;
			expect(family.failed).toContain(failure.task!.status);
			expect(failure.taskId).toBe(failure.task!.id);
			expect(failure.message).toContain(`${family.noun} ${failure.taskId}`);
			expect(items[1].pairedItem).toEqual({ item: 1 });
		});

		test(`${name}: a paid request answered 502 after Creatify processed it is not repeated; the error says how to find the job`, async () => {
			sim.inject({ method: 'POST', path: spec.createPath, status: 502, processFirst: true });
			const { error } = await run('none', [spec.good(1)]);
			expect(error?.message).toContain('Creatify server error (HTTP 502)');
			expect(error?.description).toMatch(/Get Many operation/);
			expect(
				sim.requests.filter((r) => r.method === 'POST' && r.path === spec.createPath),
			).toHaveLength(1);
		});

		test(`${name}: Get reads one job; Get Many sends more than 100 IDs in list calls of at most 100`, async () => {
			const created = await run('none');
			const wanted = [
				...ids(created.items),
				...Array.from({ length: 148 }, () => crypto.randomUUID()),
			];
			sim.requests.length = 0;
			const { items, error } = await runCreatify({
				parameters: {
					resource: name,
					operation: 'getMany',
					[jobIdsParameter(family)]: wanted.join(','),
					returnAll: true,
				},
				credentials: credentials(),
			});
			expect(error).toBeUndefined();
			expect(ids(items).sort()).toEqual(ids(created.items).sort());
			const calls = sim.requests.map((r) => String(r.query.ids).split(',').length);
			expect(calls).toEqual([100, 50]);
			const one = await runCreatify({
				parameters: {
					resource: name,
					operation: 'get',
					[jobIdParameter(family)]: { __rl: true, mode: 'id', value: ids(created.items)[1] },
				},
				credentials: credentials(),
			});
			expect(ids(one.items)).toEqual([ids(created.items)[1]]);
		});

		test(`${name}: the trigger verifies a callback, starts one execution for its copies and none after a restart, and ignores it where the job type is not selected`, async () => {
			const other = FAMILIES.find((f: JobFamily) => f.name !== name)!;
			const ignoring = newTrigger({ jobTypes: [other.name] }, credentials());
			const ended = family.steps.flatMap((step) => step.done).concat(family.failed);
			const ignored = await executionsForOneJob(
				sim,
				ignoring,
				(url) => createJob(sim, name, url),
				ended,
			);
			expect(ignored.executions).toHaveLength(0);
			expect(sim.webhookDeliveries.every((d) => d.responseStatus === 200)).toBe(true);

			sim.reset();
			const events = family.steps.map((step) => step.event.value);
			const trigger = newTrigger({ jobTypes: [name], events }, credentials());
			const { id, executions } = await executionsForOneJob(
				sim,
				trigger,
				(url) => createJob(sim, name, url),
				ended,
			);
			expect(executions).toHaveLength(1);
			expect(executions[0][0].json).toMatchObject({ id, jobType: name, verified: true });
			expect(events).toContain(executions[0][0].json.event);

			// n8n restarted: only the saved static data remembers the delivery
			trigger.restart();
			sim.webhookDeliveries.length = 0;
			sim.redeliver(id);
			await sim.settleWebhooks();
			// answered 200 (a duplicate: the event is selected, so 200 is not "ignored"), nothing started
			const answers = sim.webhookDeliveries.map((d) => d.responseStatus);
			expect(answers.length).toBeGreaterThan(0);
			expect(answers.every((status) => status === 200)).toBe(true);
			expect(executions).toHaveLength(1);
		});

		test(`${name}: every result file of a finished job downloads into the binary store`, async () => {
			const { items, error } = await run('poll', [spec.good(1)], { download: 'all' });
			expect(error).toBeUndefined();
			const files = Object.values(items[0].binary ?? {});
			expect(files.length).toBeGreaterThanOrEqual(family.files.length);
			for (const file of files) {
				expect(file.fileName).toContain(String(items[0].json.id));
				expect(file.mimeType).toMatch(/^(video|image|audio)\//);
			}
		});
	},
);
