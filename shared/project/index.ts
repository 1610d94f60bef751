export { isProjectJson, newProject, parseJsonText, parseProject, parseProjectText, serializeProject, type ParsedProject } from './project';
export { repairGraph } from './repairGraph';
export * from './schema';
export { MAX_BATCH_POINTS, MAX_RUNS, repairRuns, runRecordSchema, thinPoints, type RunEpoch, type RunRecord } from './runs';
