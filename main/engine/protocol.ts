import { z } from 'zod';
import { trainEventSchema } from '../../shared/api/training';

/**
 * Messages between the host (main process) and the engine's worker thread.
 * host -> worker: 'train' (a TrainRequest, unparsed, plus a shared stop flag), 'stop', 'request'
 * (requests.ts), and 'crash' (a test hook that throws inside the worker).
 * worker -> host: 'event' (a TrainEvent), 'ended' (the run is over), 'response' (requests.ts).
 */
export const workerToHostSchema = z.union([
  z.object({ kind: z.literal('event'), event: trainEventSchema }),
  z.object({ kind: z.literal('ended') }),
  z.object({ kind: z.literal('response'), id: z.number(), ok: z.literal(true), result: z.unknown() }),
  z.object({ kind: z.literal('response'), id: z.number(), ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type WorkerToHost = z.infer<typeof workerToHostSchema>;

export const hostToWorkerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('train'), request: z.unknown(), stopFlag: z.instanceof(SharedArrayBuffer) }),
  z.object({ kind: z.literal('stop') }),
  z.object({ kind: z.literal('request'), id: z.number(), type: z.string(), payload: z.unknown() }),
  z.object({ kind: z.literal('crash') }),
]);
export type HostToWorker = z.infer<typeof hostToWorkerSchema>;
