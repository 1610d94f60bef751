import type { backend_util, NamedAttrMap } from '@tensorflow/tfjs-core';
import { attrConvInfo, attrNumbers, input, shape4, tuple4 } from '../wasm/heap';
import { channelBias, channelsLast, epilogueFor, finish, geometry, isFloat, optionalInput, output, view, type TierKernel, type TierKernelSpec } from './glue';
import type { ConvGeometry, FusedActivation, KernelTier } from './tier';

/**
 * Convolutions on a tier: Conv2D and the depthwise family, each plain, fused with bias +
 * activation, and both backprops. Geometry comes from tfjs's computeConv2DInfo with the kernel's
 * own attributes, so every stride, padding, dilation and rounding mode tfjs accepts is covered.
 * The two families differ only in the tier methods they call and computeConv2DInfo's depthwise flag.
 */

type Shape4 = [number, number, number, number];

interface ConvFamily {
  readonly depthwise: boolean;
  readonly names: { readonly plain: string; readonly fused: string; readonly backpropInput: string; readonly backpropFilter: string };
  readonly forward: (
    tier: KernelTier,
    g: ConvGeometry,
    x: Float32Array,
    w: Float32Array,
    bias: Float32Array | null,
    act: FusedActivation,
    out: Float32Array,
  ) => void;
  readonly backpropInput: (tier: KernelTier, g: ConvGeometry, dy: Float32Array, w: Float32Array, dx: Float32Array) => void;
  readonly backpropFilter: (tier: KernelTier, g: ConvGeometry, x: Float32Array, dy: Float32Array, dw: Float32Array) => void;
}

/** Geometry from the kernel's attributes (the depthwise backprops carry no `dataFormat`: then NHWC). */
const convInfo = (family: ConvFamily, xShape: Shape4, filterShape: Shape4, attrs: NamedAttrMap | undefined): backend_util.Conv2DInfo =>
  attrConvInfo(attrs, xShape, filterShape, family.depthwise);

function familyKernels(family: ConvFamily): TierKernelSpec[] {
  // The plain kernel is the fused one without a bias or an activation (its attrs have none: linear).
  const forward: TierKernel = (tier, { inputs, backend, attrs }) => {
    const x = input(inputs, 'x');
    const filter = input(inputs, 'filter');
    const bias = optionalInput(inputs, 'bias');
    const epilogue = epilogueFor(attrs, inputs);
    if (epilogue === null || !channelsLast(attrs) || !isFloat(x, filter, bias)) return null;
    const info = convInfo(family, shape4(x), shape4(filter), attrs);
    if (!channelBias(bias, info.outChannels)) return null;
    const out = output(backend, info.outShape);
    family.forward(
      tier,
      geometry(info),
      view(backend, x),
      view(backend, filter),
      bias === null ? null : view(backend, bias),
      epilogue.fused,
      view(backend, out),
    );
    return finish(backend, epilogue, out);
  };
  const plain: TierKernelSpec = { kernelName: family.names.plain, kernel: forward };
  const fused: TierKernelSpec = { kernelName: family.names.fused, kernel: forward };
  const backpropInput: TierKernelSpec = {
    kernelName: family.names.backpropInput,
    kernel: (tier, { inputs, backend, attrs }) => {
      const dy = input(inputs, 'dy');
      const filter = input(inputs, 'filter');
      if (!channelsLast(attrs) || !isFloat(dy, filter)) return null;
      const inShape = tuple4(attrNumbers(attrs, 'inputShape'));
      const info = convInfo(family, inShape, shape4(filter), attrs);
      const dx = output(backend, [...inShape]);
      family.backpropInput(tier, geometry(info), view(backend, dy), view(backend, filter), view(backend, dx));
      return dx;
    },
  };
  const backpropFilter: TierKernelSpec = {
    kernelName: family.names.backpropFilter,
    kernel: (tier, { inputs, backend, attrs }) => {
      const x = input(inputs, 'x');
      const dy = input(inputs, 'dy');
      if (!channelsLast(attrs) || !isFloat(x, dy)) return null;
      const filterShape = tuple4(attrNumbers(attrs, 'filterShape'));
      const info = convInfo(family, shape4(x), filterShape, attrs);
      const dw = output(backend, [...filterShape]);
      family.backpropFilter(tier, geometry(info), view(backend, x), view(backend, dy), view(backend, dw));
      return dw;
    },
  };
  return [plain, fused, backpropInput, backpropFilter];
}

const conv2dFamily: ConvFamily = {
  depthwise: false,
  names: { plain: 'Conv2D', fused: 'FusedConv2D', backpropInput: 'Conv2DBackpropInput', backpropFilter: 'Conv2DBackpropFilter' },
  forward: (tier, g, x, w, bias, act, out) => tier.conv2d(g, x, w, bias, act, out),
  backpropInput: (tier, g, dy, w, dx) => tier.conv2dBackpropInput(g, dy, w, dx),
  backpropFilter: (tier, g, x, dy, dw) => tier.conv2dBackpropFilter(g, x, dy, dw),
};

const depthwiseFamily: ConvFamily = {
  depthwise: true,
  names: {
    plain: 'DepthwiseConv2dNative',
    fused: 'FusedDepthwiseConv2D',
    backpropInput: 'DepthwiseConv2dNativeBackpropInput',
    backpropFilter: 'DepthwiseConv2dNativeBackpropFilter',
  },
  forward: (tier, g, x, w, bias, act, out) => tier.depthwiseConv2d(g, x, w, bias, act, out),
  backpropInput: (tier, g, dy, w, dx) => tier.depthwiseConv2dBackpropInput(g, dy, w, dx),
  backpropFilter: (tier, g, x, dy, dw) => tier.depthwiseConv2dBackpropFilter(g, x, dy, dw),
};

export const convKernels: readonly TierKernelSpec[] = [...familyKernels(conv2dFamily), ...familyKernels(depthwiseFamily)];
