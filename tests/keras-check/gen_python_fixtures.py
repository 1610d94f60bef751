#!/usr/bin/python3
"""Writes tests/fixtures/python/<model>.json: what real Keras 3.15 builds from Blockprop's generated scripts.

python3 tests/keras-check/gen_python_fixtures.py DIR [OUTDIR]   (DIR as written by exportAll.ts)
For each small model (to_json under 30 kB; the large Applications are checked by python_check.py
only), executes MODEL.py up to '# ---- end of model ----', calls build_model() and stores the
SHA-256 of the code it ran, model.count_params() and model.to_json(). shared/python/kerasBuild.test.ts
then checks in CI that today's script is the one Keras ran and that our Keras 3 export equals what
Keras built from it. Development aid (needs keras-check's set-up): rerun it when the Python changes.
"""
import glob
import hashlib
import json
import os
import sys

sys.path.insert(0, os.environ.get('KERAS_CHECK_DIR', '/work/shared/tools/keras-check'))
import keras_check  # noqa: E402

keras_check._bootstrap()
import keras  # noqa: E402

MARK = '# ---- end of model ----'
LIMIT = 30_000


def main():
    d = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'python')
    os.makedirs(out, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(d, '*.py'))):
        name = os.path.basename(path)[:-3]
        head = open(path, encoding='utf-8').read().split(MARK)[0]
        scope = {}
        exec(compile(head, name + '.py', 'exec'), scope)
        model = scope['build_model']()
        text = model.to_json()
        if len(text) > LIMIT:
            print(f'{name:28} skipped ({len(text):,} characters of JSON)')
            continue
        record = {
            'keras_version': keras.__version__,
            'model_code_sha256': hashlib.sha256(head.encode('utf-8')).hexdigest(),
            'count_params': model.count_params(),
            'to_json': json.loads(text),
        }
        with open(os.path.join(out, name + '.json'), 'w', encoding='utf-8') as f:
            json.dump(record, f, indent=None, separators=(',', ':'))
            f.write('\n')
        print(f'{name:28} {model.count_params():>13,} params')


main()
