#!/usr/bin/python3
"""Writes what real Keras 3.15 makes of Blockprop's generated Python and of its Keras 2 export.

python3 tests/keras-check/gen_built_fixtures.py DIR   (DIR as written by exportAll.ts)
For each small model (to_json under 30 kB; the large Applications are checked by
python_check.py and compare.py only):
- tests/fixtures/python/<model>.json: MODEL.py is run up to '# ---- end of model ----' and
  build_model() called; shared/python/kerasBuild.test.ts checks the script is the one Keras ran
  and our Keras 3 export equals the model.to_json() of what it built;
- tests/fixtures/keras2/<model>.json: MODEL.keras2.json is loaded with the loader Keras 3 keeps
  for old tf.keras files (saving_utils.model_from_config, keras_check.py --mode legacy);
  shared/keras/exportKeras2.test.ts checks the export is the file Keras read and that Keras
  understood it as our Keras 3 export.
Each record holds the SHA-256 of what Keras read, count_params() and model.to_json().
Development aid (keras-check's set-up): rerun it (run.sh does) when either export changes.
"""
import copy
import glob
import hashlib
import json
import os
import sys

sys.path.insert(0, os.environ.get('KERAS_CHECK_DIR', '/work/shared/tools/keras-check'))
import keras_check  # noqa: E402

keras_check._bootstrap()
import keras  # noqa: E402
from keras.src.legacy.saving import saving_utils  # noqa: E402

MARK = '# ---- end of model ----'
LIMIT = 30_000
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures')


def from_python(path):
    head = open(path, encoding='utf-8').read().split(MARK)[0]
    scope = {}
    exec(compile(head, os.path.basename(path), 'exec'), scope)
    return scope['build_model'](), 'model_code_sha256', head.encode('utf-8')


def from_keras2(path):
    raw = open(path, 'rb').read()
    return saving_utils.model_from_config(copy.deepcopy(json.loads(raw))), 'keras2_sha256', raw


def write(d, suffix, load, folder):
    out = os.path.join(FIXTURES, folder)
    os.makedirs(out, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(d, '*' + suffix))):
        name = os.path.basename(path)[:-len(suffix)]
        model, key, read = load(path)
        text = model.to_json()
        if len(text) > LIMIT:
            print(f'{folder}/{name:28} skipped ({len(text):,} characters of JSON)')
            continue
        record = {'keras_version': keras.__version__, key: hashlib.sha256(read).hexdigest(),
                  'count_params': model.count_params(), 'to_json': json.loads(text)}
        with open(os.path.join(out, name + '.json'), 'w', encoding='utf-8') as f:
            json.dump(record, f, indent=None, separators=(',', ':'))
            f.write('\n')
        print(f'{folder}/{name:28} {model.count_params():>13,} params')


def main():
    d = sys.argv[1]
    write(d, '.py', from_python, 'python')
    write(d, '.keras2.json', from_keras2, 'keras2')


main()
