// Keras number and shape notation lives in shared/ (the CLI prints the same text).
export { formatBytes, formatCount, formatShape } from '../../../shared/format';
