export type { InspectContext } from './context';
export { evaluate, predict, predictBatches, sampleLoss } from './evaluate';
export { activations } from './activations';
export { fcView, kernels } from './weights';
export { prepareSample, imageShapeFor } from './samples';
