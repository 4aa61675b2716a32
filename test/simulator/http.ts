/** An answer the simulator gives; thrown from deep in a route to answer at once. */
export class HttpAnswer {
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {}
}
