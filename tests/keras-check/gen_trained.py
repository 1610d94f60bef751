#!/usr/bin/python3
"""Writes TRAINED-model fixtures with REAL Keras 3.15 (keras-check's bootstrap, torch backend).

Development aid, not part of npm test: python3 tests/keras-check/gen_trained.py [OUTDIR]
(default tests/fixtures/trained). For each small model, with seeded non-trivial weights
(BatchNormalization gets moving statistics far from 0/1), it writes
  NAME.keras              model.save (Keras 3 archive)
  NAME.h5                 model.save('NAME.h5') (legacy HDF5: model_config + model_weights)
  NAME.json               model.to_json()
  NAME.weights.h5         model.save_weights (Keras 3 weights file)
  NAME.legacy-weights.h5  legacy weights-only HDF5 (what tf.keras 2's save_weights('x.h5') writes)
  NAME.png                one input image (gray or RGB, exactly the Input's size)
  NAME.expected.json      {total_params, trainable_params, non_trainable_params,
                           prediction, layers: {name: {class, shape, values}}} for that image
                           scaled to [0, 1] (value / 255), as `blockprop predict` scales it.
"""
import json
import os
import struct
import sys
import zlib

sys.path.insert(0, os.environ.get('KERAS_CHECK_DIR', '/work/shared/tools/keras-check'))
import keras_check  # noqa: E402

keras_check._bootstrap()
import numpy as np  # noqa: E402
import h5py  # noqa: E402
import keras  # noqa: E402
from keras import layers  # noqa: E402
from keras.src.legacy.saving import legacy_h5_format  # noqa: E402


def cnn():
    return keras.Sequential([
        keras.Input((12, 12, 1), name='image'),
        layers.Conv2D(4, 3, activation='relu', name='conv_a'),
        layers.MaxPooling2D(2),
        layers.Conv2D(6, 3, activation='relu'),
        layers.Flatten(),
        layers.Dense(8, activation='relu'),
        layers.Dense(3, activation='softmax'),
    ], name='trained_cnn')


def bn():
    return keras.Sequential([
        keras.Input((10, 10, 3)),
        layers.Conv2D(6, 3, use_bias=False),
        layers.BatchNormalization(),
        layers.ReLU(),
        layers.MaxPooling2D(2),
        layers.Conv2D(5, 3, padding='same'),
        layers.BatchNormalization(momentum=0.9, epsilon=1e-3),
        layers.Activation('relu'),
        layers.GlobalAveragePooling2D(),
        layers.Dense(4, activation='softmax'),
    ], name='trained_bn')


def sepcat():
    inp = keras.Input((10, 10, 3), name='image')
    c = layers.Conv2D(4, 3, padding='same', activation='relu', name='stem')(inp)
    a = layers.DepthwiseConv2D(3, depth_multiplier=2, padding='same', name='depthwise')(c)
    b = layers.SeparableConv2D(6, 3, padding='same', activation='relu', name='separable')(c)
    cat = layers.Concatenate(name='concat')([a, b])
    g = layers.GlobalAveragePooling2D()(cat)
    out = layers.Dense(3, activation='softmax', name='head')(g)
    return keras.Model(inp, out, name='trained_sepcat')


def frozen():
    m = bn()
    m.name = 'trained_frozen'
    for layer in m.layers[:3]:
        layer.trainable = False
    return m


def fill(model, rng):
    for layer in model.layers:
        values = []
        for w in layer.weights:
            base = w.path.split('/')[-1]
            if base == 'moving_variance':
                values.append(rng.uniform(0.5, 2.0, w.shape))
            elif base == 'gamma':
                values.append(rng.uniform(0.5, 1.5, w.shape))
            else:
                values.append(rng.normal(0, 0.4, w.shape))
        if values:
            layer.set_weights([v.astype('float32') for v in values])


def png(path, pixels):
    h, w, c = pixels.shape
    color = 0 if c == 1 else 2
    raw = b''.join(b'\x00' + pixels[y].tobytes() for y in range(h))

    def chunk(tag, data):
        return struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, color, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


def rounded(a):
    return [float(f'{v:.7g}') for v in np.asarray(a, dtype='float64').reshape(-1)]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'trained')
    os.makedirs(out, exist_ok=True)
    for i, make in enumerate([cnn, bn, sepcat, frozen]):
        rng = np.random.default_rng(11 + i)
        model = make()
        fill(model, rng)
        stem = os.path.join(out, model.name.replace('trained_', ''))
        model.save(stem + '.keras')
        model.save(stem + '.h5')
        with open(stem + '.json', 'w') as f:
            f.write(model.to_json())
        model.save_weights(stem + '.weights.h5')
        with h5py.File(stem + '.legacy-weights.h5', 'w') as f:
            legacy_h5_format.save_weights_to_hdf5_group(f, model)
        shape = tuple(model.inputs[0].shape[1:])
        pixels = rng.integers(0, 256, shape, dtype=np.uint8)
        png(stem + '.png', pixels)
        x = (pixels.astype('float32') / 255.0)[None]
        layer_list = [l for l in model.layers if not isinstance(l, layers.InputLayer)]
        probe = keras.Model(model.inputs, [l.output for l in layer_list])
        outputs = probe.predict(x, verbose=0)
        expected = {
            'name': model.name,
            'total_params': int(model.count_params()),
            'trainable_params': int(sum(np.prod(w.shape) for w in model.trainable_weights)),
            'non_trainable_params': int(sum(np.prod(w.shape) for w in model.non_trainable_weights)),
            'prediction': rounded(model.predict(x, verbose=0)),
            'layers': {l.name: {'class': type(l).__name__, 'shape': [1] + list(o.shape[1:]), 'values': rounded(o)}
                       for l, o in zip(layer_list, outputs)},
        }
        with open(stem + '.expected.json', 'w') as f:
            json.dump(expected, f)
        print(model.name, expected['total_params'], expected['trainable_params'], expected['non_trainable_params'])


main()
