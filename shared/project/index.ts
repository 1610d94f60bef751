export { isProjectJson, newProject, parseJsonText, parseProject, parseProjectText, serializeProject, type ParseProjectResult } from './project';
export { repairGraph } from './repairGraph';
export * from './schema';
