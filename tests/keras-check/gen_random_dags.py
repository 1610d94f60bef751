#!/usr/bin/python3
"""Writes shared/graph/fixtures/random_dag_<seed>.json: real Keras 3.15's layer order for random DAGs.

python3 tests/keras-check/gen_random_dags.py FILE ... [--out DIR]
Each FILE is a Keras 3 model JSON (as randomDags.ts writes them) or an existing fixture (its
"model" is used again, which reproduces the committed files). Keras loads the model with
keras.models.model_from_json and model.layers is stored as kerasOrder beside the model;
shared/graph/topology.test.ts checks kerasLayerOrder against it. Development aid (keras-check's set-up).
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.environ.get('KERAS_CHECK_DIR', '/work/shared/tools/keras-check'))
import keras_check  # noqa: E402

keras_check._bootstrap()
import keras  # noqa: E402

COMMENT = ('Random functional DAG exported by Blockprop; kerasOrder is model.layers as real Keras 3.15 '
           'lists it after model_from_json (keras-check).')
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'graph', 'fixtures')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('files', nargs='+')
    ap.add_argument('--out', default=FIXTURES)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for path in args.files:
        data = json.load(open(path))
        model_json = data['model'] if 'kerasOrder' in data else data
        model = keras.models.model_from_json(json.dumps(model_json))
        name = os.path.basename(path).split('.')[0]
        with open(os.path.join(args.out, name + '.json'), 'w', encoding='utf-8') as f:
            json.dump({'comment': COMMENT, 'model': model_json, 'kerasOrder': [layer.name for layer in model.layers]}, f)
        print(name, len(model.layers), 'layers')


main()
