#!/bin/sh
# Developer check, not part of npm test (CI has no Keras): exports every template and the real-Keras
# fixtures as Keras 3, Keras 2 and TF.js-flavour JSON, loads each with real Keras 3.15 (keras-check's
# set-up) and compares total params and every layer's name, class, output shape and params.
# Usage: sh tests/keras-check/run.sh [OUTDIR]
set -e
cd "$(dirname "$0")/../.."
OUT="${1:-/tmp/blockprop-keras-check}"
npx tsx tests/keras-check/exportAll.ts "$OUT" >/dev/null
python3 tests/keras-check/compare.py "$OUT"
python3 tests/keras-check/python_check.py "$OUT"
# What Keras built from each script and read from each Keras 2 export, for CI
# (tests/fixtures/python and tests/fixtures/keras2):
python3 tests/keras-check/gen_built_fixtures.py "$OUT"
# keras_check.py itself on the chapter's CNN, both loaders:
python3 /work/shared/tools/keras-check/keras_check.py "$OUT/keras_cnn.keras3.json" | grep -E "TOTAL_PARAMS|RESULT"
python3 /work/shared/tools/keras-check/keras_check.py --mode legacy "$OUT/keras_cnn.keras2.json" | grep -E "TOTAL_PARAMS|RESULT"
# A whole generated script (compile, fit, evaluate) on fake MNIST data:
python3 tests/keras-check/python_fit.py "$OUT/keras_cnn.py" | tail -3
