/** Python/Keras script export. */
export { generatePython, modelSectionEnd } from './generatePython';
export type { DistributionStrategy, PythonOptions } from './generatePython';
