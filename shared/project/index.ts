export { isProjectJson, newProject, parseJsonText, parseProject, parseProjectText, serializeProject, type ParseProjectResult } from './project';
export { repairGraph } from './repairGraph';
export * from './schema';
export { MAX_BATCH_POINTS, MAX_RUNS, repairRuns, runRecordSchema, thinPoints, type RunEpoch, type RunRecord } from './runs';
