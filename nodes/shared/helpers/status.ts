/**
 * The one reading of Creatify job statuses. A family lists its steps in order, each with the statuses seen while
 * it works and when it is done, and the statuses that mean failure. The engine asks whether a step is done; the
 * trigger asks which step a finished status reports. Both read the same table.
 */

export type JobState = 'working' | 'done' | 'failed';

export interface StepStatuses {
	/** the step's name, e.g. 'image' */
	name: string;
	/** statuses while Creatify works on this step */
	working: readonly string[];
	/** statuses that end this step successfully */
	done: readonly string[];
}

export interface StatusTable {
	/** in order: a status of a later step means every earlier step is done */
	steps: readonly StepStatuses[];
	/** statuses that end any step unsuccessfully */
	failed: readonly string[];
	/**
	 * For a family whose steps report the same statuses (a preview, then a render of it): the status its steps
	 * read, told apart by what the record holds. Without it the steps read Creatify's status.
	 */
	statusOf?: (job: { status?: unknown } & Record<string, unknown>) => unknown;
}

/** The status a family's steps read for a job record (or a callback body). */
export function readStatus(
	table: StatusTable,
	job: { status?: unknown } & Record<string, unknown>,
): unknown {
	return table.statusOf ? table.statusOf(job) : job.status;
}

interface StatusOwner {
	index: number;
	state: 'working' | 'done';
}

function ownerOf(table: StatusTable, status: unknown): StatusOwner | undefined {
	if (typeof status !== 'string') return undefined;
	for (const [index, step] of table.steps.entries()) {
		if (step.done.includes(status)) return { index, state: 'done' };
		if (step.working.includes(status)) return { index, state: 'working' };
	}
	return undefined;
}

function stepIndex(table: StatusTable, step: string): number {
	const index = table.steps.findIndex((candidate) => candidate.name === step);
	if (index < 0) throw new Error(`Unknown step "${step}"`);
	return index;
}

/** Whether the status is one the table names (working, done or failed at any step). */
export function knowsStatus(table: StatusTable, status: unknown): boolean {
	if (typeof status === 'string' && table.failed.includes(status)) return true;
	return ownerOf(table, status) !== undefined;
}

/** Where a job stands for `step`. An unknown status (Creatify adds some without notice) counts as working. */
export function jobState(table: StatusTable, step: string, status: unknown): JobState {
	if (typeof status === 'string' && table.failed.includes(status)) return 'failed';
	const owner = ownerOf(table, status);
	if (!owner) return 'working';
	const wanted = stepIndex(table, step);
	if (owner.index !== wanted) return owner.index > wanted ? 'done' : 'working';
	return owner.state;
}

/** True when the status belongs to `step` or a later one: the step has been started. */
export function stepStarted(table: StatusTable, step: string, status: unknown): boolean {
	const owner = ownerOf(table, status);
	return owner !== undefined && owner.index >= stepIndex(table, step);
}

/**
 * The step a finished job reports ('failed' for a failure), or undefined while it still works. `claimed` is the
 * status a callback said: a callback for one step can arrive after the next step has begun, when the record
 * says the next step is working but the claimed step is done.
 */
export function reportedStep(
	table: StatusTable,
	status: unknown,
	claimed?: unknown,
): string | 'failed' | undefined {
	if (typeof status === 'string' && table.failed.includes(status)) return 'failed';
	const owner = ownerOf(table, status);
	if (!owner) return undefined;
	if (owner.state === 'done') return table.steps[owner.index].name;
	const said = ownerOf(table, claimed);
	if (said?.state === 'done' && said.index < owner.index) return table.steps[said.index].name;
	return undefined;
}
