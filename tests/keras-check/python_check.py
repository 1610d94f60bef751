#!/usr/bin/python3
"""Runs the model-building part of Blockprop's generated scripts with real Keras 3.15.

python3 tests/keras-check/python_check.py DIR [MODEL ...]   (DIR as written by exportAll.ts)
For each MODEL.py: executes it up to '# ---- end of model ----', calls build_model() and checks
that model.to_json() equals Blockprop's own MODEL.keras3.json (same classes, names, every config
value, wiring) and that the parameter count equals ours. Development aid, not part of npm test.
"""
import glob
import json
import os
import sys

sys.path.insert(0, os.environ.get('KERAS_CHECK_DIR', '/work/shared/tools/keras-check'))
import keras_check  # noqa: E402

keras_check._bootstrap()
import keras  # noqa: E402,F401

MARK = '# ---- end of model ----'


def first_difference(a, b, path=''):
    if type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        return f'{path}: {a!r} != {b!r}'
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f'{path}.{k}: missing on one side ({a.get(k, "<none>")!r} / {b.get(k, "<none>")!r})'
            d = first_difference(a[k], b[k], f'{path}.{k}')
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f'{path}: length {len(a)} != {len(b)}'
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f'{path}[{i}]')
            if d:
                return d
        return None
    return None if a == b else f'{path}: {a!r} != {b!r}'


def main():
    d = sys.argv[1]
    names = sys.argv[2:] or [os.path.basename(p)[:-3] for p in sorted(glob.glob(os.path.join(d, '*.py')))]
    failed = 0
    for name in names:
        source = open(os.path.join(d, name + '.py')).read()
        head = source.split(MARK)[0]
        scope = {}
        exec(compile(head, name + '.py', 'exec'), scope)
        model = scope['build_model']()
        theirs = json.loads(model.to_json())
        ours = json.load(open(os.path.join(d, name + '.keras3.json')))
        summary = json.load(open(os.path.join(d, name + '.summary.json')))
        diff = first_difference(theirs, ours)
        params_ok = model.count_params() == summary['total_params']
        ok = diff is None and params_ok
        failed += 0 if ok else 1
        print(f"{name:28} params {model.count_params():>13,} {'==' if params_ok else '!='} {summary['total_params']:>13,}  to_json {'equal' if diff is None else 'DIFFERS ' + diff[:300]}")
    print('ALL OK' if not failed else f'FAILED {failed}')
    sys.exit(1 if failed else 0)


main()
