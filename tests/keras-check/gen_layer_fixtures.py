#!/usr/bin/python3
"""Writes shared/layers/fixtures/kerasReference.json and kerasFuzz.json with REAL Keras 3.15.

python3 tests/keras-check/gen_layer_fixtures.py reference          the hand-picked cases (layer_cases.py)
python3 tests/keras-check/gen_layer_fixtures.py fuzz [--seed N] [--count N]   seeded random cases
python3 tests/keras-check/gen_layer_fixtures.py fuzz --respec FILE  Keras again on FILE's cases
Add --out FILE to write elsewhere. Each case is built as Keras builds it: the layer class with the
case's keyword arguments, called on keras.Input(batch_shape=…) for each input shape, all in one
session (so automatic names run conv2d, conv2d_1, …). A case records the layer's get_config() and
its key order (reference only), the output shape, the weights (name, shape, trainable) and
count_params() (reference only) — or the error Keras raised. shared/layers/kerasReference.test.ts
checks the layer catalog against both files. Development aid (keras-check's set-up); not part of npm test.
"""
import argparse
import json
import os
import random
import re
import sys

sys.path.insert(0, os.environ.get('KERAS_CHECK_DIR', '/work/shared/tools/keras-check'))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import keras_check  # noqa: E402

keras_check._bootstrap()
import keras  # noqa: E402
from layer_cases import REFERENCE  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'layers', 'fixtures')


def run_case(case_id, class_name, kwargs, shapes, full):
    record = {'id': case_id, 'class': class_name, 'kwargs': kwargs, 'inputs': [list(s) for s in shapes]}
    try:
        inputs = [keras.Input(batch_shape=tuple(s)) for s in shapes]
        if class_name == 'InputLayer':
            layer, out = inputs[0]._keras_history[0], inputs[0]
        else:
            layer = getattr(keras.layers, class_name)(**(kwargs or {}))
            out = layer(inputs if len(inputs) > 1 else inputs[0])
    except Exception as e:  # noqa: BLE001 - Keras's refusal is the expected result
        # Keras's message goes on to name the Keras tensor it was given; the start is what matters.
        # The random cases' messages also lose the terminal's bold codes.
        if full:
            record['error'] = f'{type(e).__name__}: {str(e)[:300]}'
        else:
            plain = re.sub(r'\x1b\[[0-9;]*m', '', str(e)).split('\n\nArguments received')[0]
            record['error'] = f'{type(e).__name__}: {plain}'[:250]
        return record
    if full:
        config = layer.get_config()
        record['config'] = config
        record['keys'] = list(config)
    record['output_shape'] = list(out.shape)
    record['weights'] = [[w.name, list(w.shape), w.trainable] for w in layer.weights]
    if full:
        record['count'] = layer.count_params()
    return record


# --- the random cases: every class the catalog shapes, with options drawn around the edges ---
def dim(r):
    return r.choice([None, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 28, 31])


def image(r, channels=None):
    return (None, dim(r), dim(r), channels if channels is not None else r.choice([1, 2, 3, 8]))


def pair(r, lo, hi):
    return r.choice([r.randint(lo, hi), [r.randint(lo, hi), r.randint(lo, hi)]])


def conv_common(r, kw):
    kw['kernel_size'] = pair(r, 1, 5)
    kw['padding'] = r.choice(['valid', 'same'])
    if r.random() < 0.5:
        kw['strides'] = pair(r, 1, 3)
    elif r.random() < 0.5:
        kw['dilation_rate'] = pair(r, 1, 2)
    kw['use_bias'] = r.random() < 0.5
    return kw


def conv2d(r):
    return {'filters': r.choice([1, 4, 8, 16]), **conv_common(r, {})}, [image(r)]


def depthwise(r):
    return {**conv_common(r, {}), 'depth_multiplier': r.randint(1, 3)}, [image(r)]


def separable(r):
    return {'filters': r.choice([1, 4, 16]), **conv_common(r, {}), 'depth_multiplier': r.randint(1, 3)}, [image(r)]


def transpose(r):
    kw = {'filters': r.choice([1, 2, 8]), **conv_common(r, {})}
    if r.random() < 0.5:
        kw['output_padding'] = pair(r, 0, 2)
    return kw, [image(r)]


def pooling(r):
    kw = {'pool_size': pair(r, 1, 4), 'padding': r.choice(['valid', 'same'])}
    if r.random() < 0.5:
        kw['strides'] = pair(r, 1, 3)
    return kw, [image(r)]


def batchnorm(r):
    return {'axis': r.choice([-1, 1, 2, 3, -2]), 'center': r.random() < 0.5}, [image(r)]


def layernorm(r):
    return {'axis': r.choice([-1, 1, 2, [1, 2], [2, 3]]), 'scale': r.random() < 0.5}, [image(r)]


def dense(r):
    shape = r.choice([(None, dim(r)), (None, dim(r), r.choice([1, 3, 8])), image(r)])
    return {'units': r.choice([1, 3, 10])}, [shape]


def flatten(r):
    return {}, [image(r)]


def reshape(r):
    target = r.choice([[12], [6, 2], [-1], [2, -1], [3, 4, 1], [-1, 3]])
    return {'target_shape': target}, [r.choice([(None, 12), (None, 12, 2), (None, None, 5), image(r)])]


def zeropad(r):
    return {'padding': r.choice([r.randint(0, 3), [r.randint(0, 2), r.randint(0, 2)], [[r.randint(0, 2), r.randint(0, 2)], [r.randint(0, 2), r.randint(0, 2)]]])}, [image(r)]


def cropping(r):
    return {'cropping': r.choice([r.randint(0, 3), [r.randint(0, 2), r.randint(0, 2)], [[r.randint(0, 3), r.randint(0, 3)], [r.randint(0, 3), r.randint(0, 3)]]])}, [image(r)]


def upsampling(r):
    return {'size': pair(r, 1, 3)}, [image(r)]


def merge_inputs(r):
    first = image(r)
    n = r.choice([2, 2, 3])
    other = lambda: r.choice([first, first, image(r), (None, first[1], first[2], r.choice([1, 2, 8]))])  # noqa: E731
    return [first] + [other() for _ in range(n - 1)]


def add(r):
    return {}, merge_inputs(r)


def concatenate(r):
    return {'axis': r.choice([-1, -1, 1, 2, 3, -2])}, merge_inputs(r)


SAMPLERS = {
    'Conv2D': conv2d, 'DepthwiseConv2D': depthwise, 'SeparableConv2D': separable, 'Conv2DTranspose': transpose,
    'MaxPooling2D': pooling, 'AveragePooling2D': pooling, 'BatchNormalization': batchnorm,
    'LayerNormalization': layernorm, 'Dense': dense, 'Flatten': flatten, 'Reshape': reshape,
    'ZeroPadding2D': zeropad, 'Cropping2D': cropping, 'UpSampling2D': upsampling, 'Add': add,
    'Concatenate': concatenate,
}


def fuzz_cases(seed, count):
    r = random.Random(seed)
    names = sorted(SAMPLERS)
    for i in range(count):
        name = r.choice(names)
        kwargs, shapes = SAMPLERS[name](r)
        yield f'fuzz{i}', name, kwargs, shapes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('which', choices=('reference', 'fuzz'))
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--count', type=int, default=400)
    ap.add_argument('--respec', help='rerun Keras on the cases of this fixture file instead of drawing new ones')
    ap.add_argument('--out')
    args = ap.parse_args()
    if args.which == 'reference':
        cases, full, indent = REFERENCE, True, 1
        out = args.out or os.path.join(FIXTURES, 'kerasReference.json')
    else:
        if args.respec:
            cases = [(c['id'], c['class'], c['kwargs'], c['inputs']) for c in json.load(open(args.respec))]
        else:
            cases = list(fuzz_cases(args.seed, args.count))
        full, indent = False, 0
        out = args.out or os.path.join(FIXTURES, 'kerasFuzz.json')
    records = [run_case(*c, full=full) for c in cases]
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(records, f, indent=indent)
    failed = sum(1 for c in records if 'error' in c)
    print(f'{out}: {len(records)} cases, {failed} refused by Keras')


main()
