#!/usr/bin/python3
"""Writes tests/fixtures/keras2/<model>.json: what real Keras 3.15 reads from Blockprop's Keras 2 export.

python3 tests/keras-check/gen_keras2_fixtures.py DIR [OUTDIR]   (DIR as written by exportAll.ts)
For each small model (to_json under 30 kB), loads MODEL.keras2.json with the loader Keras 3 uses
for old tf.keras files (keras.src.legacy.saving.saving_utils.model_from_config, what
keras_check.py --mode legacy runs) and stores the SHA-256 of the file it read, count_params() and
the model.to_json() Keras then writes. shared/keras/exportKeras2.test.ts checks in CI that today's
Keras 2 export is the file Keras read and that Keras understood it as our Keras 3 export.
Development aid (needs keras-check's set-up): rerun it when the Keras 2 export changes.
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

LIMIT = 30_000


def main():
    d = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'keras2')
    os.makedirs(out, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(d, '*.keras2.json'))):
        name = os.path.basename(path)[:-len('.keras2.json')]
        raw = open(path, 'rb').read()
        model = saving_utils.model_from_config(copy.deepcopy(json.loads(raw)))
        text = model.to_json()
        if len(text) > LIMIT:
            print(f'{name:28} skipped ({len(text):,} characters of JSON)')
            continue
        record = {
            'keras_version': keras.__version__,
            'keras2_sha256': hashlib.sha256(raw).hexdigest(),
            'count_params': model.count_params(),
            'to_json': json.loads(text),
        }
        with open(os.path.join(out, name + '.json'), 'w', encoding='utf-8') as f:
            json.dump(record, f, indent=None, separators=(',', ':'))
            f.write('\n')
        print(f'{name:28} {model.count_params():>13,} params')


main()
