import { backend_util } from '@tensorflow/tfjs-core';
import { attrDilations, attrNumbers, attrPad, attrPair, attrRounding, input, shape4, tuple4 } from '../wasm/heap';
import { channelBias, channelsLast, epilogueFor, finish, geometry, isFloat, optionalInput, output, view, type TierKernelSpec } from './glue';

/**
 * Convolutions on a tier: Conv2D (plain and fused with bias + activation), both backprops, and
 * the depthwise family. Geometry comes from tfjs's computeConv2DInfo with the kernel's own
 * attributes, so every stride, padding, dilation and rounding mode tfjs accepts is covered.
 */

const conv2d: TierKernelSpec = {
  kernelName: 'Conv2D',
  kernel: (tier, { inputs, backend, attrs }) => {
    const x = input(inputs, 'x');
    const filter = input(inputs, 'filter');
    if (!channelsLast(attrs) || !isFloat(x, filter)) return null;
    const info = backend_util.computeConv2DInfo(shape4(x), shape4(filter), attrPair(attrs, 'strides'), attrDilations(attrs), attrPad(attrs), attrRounding(attrs));
    const out = output(backend, info.outShape);
    tier.conv2d(geometry(info), view(backend, x), view(backend, filter), null, 'linear', view(backend, out));
    return out;
  },
};

const fusedConv2d: TierKernelSpec = {
  kernelName: 'FusedConv2D',
  kernel: (tier, { inputs, backend, attrs }) => {
    const x = input(inputs, 'x');
    const filter = input(inputs, 'filter');
    const bias = optionalInput(inputs, 'bias');
    const epilogue = epilogueFor(attrs, inputs);
    if (epilogue === null || !channelsLast(attrs) || !isFloat(x, filter, bias)) return null;
    const info = backend_util.computeConv2DInfo(shape4(x), shape4(filter), attrPair(attrs, 'strides'), attrDilations(attrs), attrPad(attrs), attrRounding(attrs));
    if (!channelBias(bias, info.outChannels)) return null;
    const out = output(backend, info.outShape);
    tier.conv2d(geometry(info), view(backend, x), view(backend, filter), bias === null ? null : view(backend, bias), epilogue.fused, view(backend, out));
    return finish(backend, epilogue, out);
  },
};

const conv2dBackpropInput: TierKernelSpec = {
  kernelName: 'Conv2DBackpropInput',
  kernel: (tier, { inputs, backend, attrs }) => {
    const dy = input(inputs, 'dy');
    const filter = input(inputs, 'filter');
    if (!channelsLast(attrs) || !isFloat(dy, filter)) return null;
    const inShape = tuple4(attrNumbers(attrs, 'inputShape'));
    const info = backend_util.computeConv2DInfo(inShape, shape4(filter), attrPair(attrs, 'strides'), 1, attrPad(attrs), attrRounding(attrs));
    const dx = output(backend, [...inShape]);
    tier.conv2dBackpropInput(geometry(info), view(backend, dy), view(backend, filter), view(backend, dx));
    return dx;
  },
};

const conv2dBackpropFilter: TierKernelSpec = {
  kernelName: 'Conv2DBackpropFilter',
  kernel: (tier, { inputs, backend, attrs }) => {
    const x = input(inputs, 'x');
    const dy = input(inputs, 'dy');
    if (!channelsLast(attrs) || !isFloat(x, dy)) return null;
    const filterShape = tuple4(attrNumbers(attrs, 'filterShape'));
    const info = backend_util.computeConv2DInfo(shape4(x), filterShape, attrPair(attrs, 'strides'), 1, attrPad(attrs), attrRounding(attrs));
    const dw = output(backend, [...filterShape]);
    tier.conv2dBackpropFilter(geometry(info), view(backend, x), view(backend, dy), view(backend, dw));
    return dw;
  },
};

function depthwiseInfo(xShape: [number, number, number, number], filterShape: [number, number, number, number], attrs: Parameters<typeof attrPad>[0]): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(xShape, filterShape, attrPair(attrs, 'strides'), attrDilations(attrs), attrPad(attrs), attrRounding(attrs), true);
}

const depthwise: TierKernelSpec = {
  kernelName: 'DepthwiseConv2dNative',
  kernel: (tier, { inputs, backend, attrs }) => {
    const x = input(inputs, 'x');
    const filter = input(inputs, 'filter');
    if (!channelsLast(attrs) || !isFloat(x, filter)) return null;
    const info = depthwiseInfo(shape4(x), shape4(filter), attrs);
    const out = output(backend, info.outShape);
    tier.depthwiseConv2d(geometry(info), view(backend, x), view(backend, filter), null, 'linear', view(backend, out));
    return out;
  },
};

const fusedDepthwise: TierKernelSpec = {
  kernelName: 'FusedDepthwiseConv2D',
  kernel: (tier, { inputs, backend, attrs }) => {
    const x = input(inputs, 'x');
    const filter = input(inputs, 'filter');
    const bias = optionalInput(inputs, 'bias');
    const epilogue = epilogueFor(attrs, inputs);
    if (epilogue === null || !channelsLast(attrs) || !isFloat(x, filter, bias)) return null;
    const info = depthwiseInfo(shape4(x), shape4(filter), attrs);
    if (!channelBias(bias, info.outChannels)) return null;
    const out = output(backend, info.outShape);
    tier.depthwiseConv2d(geometry(info), view(backend, x), view(backend, filter), bias === null ? null : view(backend, bias), epilogue.fused, view(backend, out));
    return finish(backend, epilogue, out);
  },
};

const depthwiseBackpropInput: TierKernelSpec = {
  kernelName: 'DepthwiseConv2dNativeBackpropInput',
  kernel: (tier, { inputs, backend, attrs }) => {
    const dy = input(inputs, 'dy');
    const filter = input(inputs, 'filter');
    if (!isFloat(dy, filter)) return null;
    const inShape = tuple4(attrNumbers(attrs, 'inputShape'));
    const info = depthwiseInfo(inShape, shape4(filter), attrs);
    const dx = output(backend, [...inShape]);
    tier.depthwiseConv2dBackpropInput(geometry(info), view(backend, dy), view(backend, filter), view(backend, dx));
    return dx;
  },
};

const depthwiseBackpropFilter: TierKernelSpec = {
  kernelName: 'DepthwiseConv2dNativeBackpropFilter',
  kernel: (tier, { inputs, backend, attrs }) => {
    const x = input(inputs, 'x');
    const dy = input(inputs, 'dy');
    if (!isFloat(x, dy)) return null;
    const filterShape = tuple4(attrNumbers(attrs, 'filterShape'));
    const info = depthwiseInfo(shape4(x), filterShape, attrs);
    const dw = output(backend, [...filterShape]);
    tier.depthwiseConv2dBackpropFilter(geometry(info), view(backend, x), view(backend, dy), view(backend, dw));
    return dw;
  },
};

export const convKernels: readonly TierKernelSpec[] = [conv2d, fusedConv2d, conv2dBackpropInput, conv2dBackpropFilter, depthwise, fusedDepthwise, depthwiseBackpropInput, depthwiseBackpropFilter];
