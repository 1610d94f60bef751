#!/usr/bin/python3
"""Loads Blockprop's exports with real Keras 3.15 and compares them with Blockprop's own summary.

python3 tests/keras-check/compare.py DIR   (DIR as written by exportAll.ts)
For each MODEL.keras3.json (keras.models.model_from_json), MODEL.keras2.json and MODEL.tfjs.json
(Keras 3's legacy tf.keras loader, what keras_check.py --mode legacy uses), prints one row:
model, format, loaded?, total params (Keras / ours), layers equal? (names, classes, output shapes, params).
Exit 1 when any row fails. Development aid, not part of npm test.
"""
import copy
import glob
import json
import os
import sys

sys.path.insert(0, os.environ.get('KERAS_CHECK_DIR', '/work/shared/tools/keras-check'))
import keras_check  # noqa: E402

keras_check._bootstrap()
import keras  # noqa: E402
from keras.src.legacy.saving import saving_utils  # noqa: E402


def keras_layers(model):
    rows = []
    for layer in model.layers:
        shape = layer.output.shape
        rows.append({'name': layer.name, 'class': type(layer).__name__,
                     'output_shape': list(shape), 'params': layer.count_params()})
    return rows


def main():
    d = sys.argv[1]
    failed = 0
    print(f"{'model':28} {'format':7} {'loaded':7} {'keras params':>13} {'ours':>13} {'layers equal':12}")
    for summary_file in sorted(glob.glob(os.path.join(d, '*.summary.json'))):
        model_id = os.path.basename(summary_file)[:-len('.summary.json')]
        ours = json.load(open(summary_file))
        for fmt in ('keras3', 'keras2', 'tfjs'):
            path = os.path.join(d, f'{model_id}.{fmt}.json')
            refused = os.path.join(d, f'{model_id}.{fmt}.refused.txt')
            if not os.path.exists(path) and os.path.exists(refused):
                print(f'{model_id:28} {fmt:7} refused by the exporter: {open(refused).read()[:200]}')
                continue
            if not os.path.exists(path):
                print(f'{model_id:28} {fmt:7} MISSING')
                failed += 1
                continue
            text = open(path).read()
            try:
                if fmt == 'keras3':
                    model = keras.models.model_from_json(text)
                else:
                    model = saving_utils.model_from_config(copy.deepcopy(json.loads(text)))
            except Exception as e:  # noqa: BLE001
                print(f'{model_id:28} {fmt:7} NO      {keras_check._err(e)[:300]}')
                failed += 1
                continue
            total = model.count_params()
            layers = keras_layers(model)
            expected = [dict(l) for l in ours['layers']]
            # The TF.js flavour swaps a few classes for exact equivalents and writes Subtract as
            # Add + '<name>_negated' Rescaling (see exportTfjsTopology).
            if fmt == 'tfjs':
                ours_names = {l['name'] for l in expected}
                layers = [l for l in layers if not (l['name'].endswith('_negated') and l['name'] not in ours_names)]
                # The extra layer can change Keras's layer order; compare layer by layer by name.
                layers.sort(key=lambda l: l['name'])
                expected.sort(key=lambda l: l['name'])
                for a, b in zip(layers, expected):
                    a['class'] = b['class']
            same_layers = layers == expected
            ok = total == ours['total_params'] and same_layers
            if not ok:
                failed += 1
            print(f"{model_id:28} {fmt:7} {'yes':7} {total:>13,} {ours['total_params']:>13,} {'yes' if same_layers else 'NO'}")
            if not same_layers:
                for a, b in zip(layers, expected):
                    if a != b:
                        print('    keras:', a, '\n    ours: ', b)
                        break
                if len(layers) != len(expected):
                    print('    layer counts', len(layers), len(expected))
    print('FAILED' if failed else 'ALL OK', failed)
    sys.exit(1 if failed else 0)


main()
