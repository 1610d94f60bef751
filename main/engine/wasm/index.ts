import { registerKernel, unregisterKernel, getKernel, type KernelConfig } from '@tensorflow/tfjs-core';
import { batchMatMulConfig } from './batchMatMul';
import { conv2DBackpropFilterConfig } from './conv2DBackpropFilter';
import { conv2DBackpropInputConfig } from './conv2DBackpropInput';
import { depthwiseConv2dNativeBackpropFilterConfig } from './depthwiseConv2dNativeBackpropFilter';
import { depthwiseConv2dNativeBackpropInputConfig } from './depthwiseConv2dNativeBackpropInput';
import { maxPoolGradConfig } from './maxPoolGrad';

/** Our kernels for tfjs-backend-wasm 4.22: missing ones added, wrong or slow ones replaced. */
export const wasmPatches: readonly KernelConfig[] = [
  conv2DBackpropFilterConfig,
  conv2DBackpropInputConfig,
  depthwiseConv2dNativeBackpropFilterConfig,
  depthwiseConv2dNativeBackpropInputConfig,
  maxPoolGradConfig,
];

let patched = false;

/** Registers the patches (once; replaces the package's own kernel where it has one). */
export function registerWasmPatches(): void {
  if (patched) return;
  patched = true;
  const wrapped = batchMatMulConfig();
  for (const config of wrapped === null ? wasmPatches : [...wasmPatches, wrapped]) {
    if (getKernel(config.kernelName, 'wasm') !== undefined) unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
}
