import * as n8nWorkflow from 'n8n-workflow';

type AbortableSleep = (ms: number, abortSignal?: AbortSignal) => Promise<void>;

/**
 * A pause that ends at once when the execution is cancelled. n8n up to 2.3x exports `sleepWithAbort`; newer
 * releases fold the signal into `sleep` itself. At run time n8n's own n8n-workflow answers, so look up both.
 */
export const abortableSleep: AbortableSleep =
	(n8nWorkflow as { sleepWithAbort?: AbortableSleep }).sleepWithAbort ??
	(n8nWorkflow.sleep as AbortableSleep);
