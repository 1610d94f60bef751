#!/usr/bin/python3
"""Runs a whole generated script (compile, fit, evaluate) with real Keras 3.15 on fake MNIST data.

python3 tests/keras-check/python_fit.py SCRIPT.py
keras.datasets.mnist / fashion_mnist are replaced by 256 random training and 64 test images (no
download) and EPOCHS by 2, so it checks that the script runs, not what it learns. Development
aid, not part of npm test; the tf.distribute and image-folder variants need TensorFlow.
"""
import os
import re
import sys

import numpy as np

sys.path.insert(0, os.environ.get('KERAS_CHECK_DIR', '/work/shared/tools/keras-check'))
import keras_check  # noqa: E402

keras_check._bootstrap()
import keras  # noqa: E402


def fake_load():
    r = np.random.RandomState(0)
    train = (r.randint(0, 255, (256, 28, 28)).astype('uint8'), r.randint(0, 10, 256))
    test = (r.randint(0, 255, (64, 28, 28)).astype('uint8'), r.randint(0, 10, 64))
    return train, test


keras.datasets.mnist.load_data = fake_load
keras.datasets.fashion_mnist.load_data = fake_load
source = re.sub(r'^EPOCHS = \d+$', 'EPOCHS = 2', open(sys.argv[1]).read(), flags=re.M)
exec(compile(source, sys.argv[1], 'exec'), {'__name__': '__main__'})
print('RESULT: script ran')
