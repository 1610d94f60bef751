#!/usr/bin/python3
"""Writes Keras JSON fixtures produced by REAL Keras 3.15 (via keras-check's bootstrap).

Development aid, not part of npm test: python3 tests/keras-check/gen_fixtures.py OUTDIR
Each model is written as NAME.keras3.json (model.to_json()), NAME.h5config.json (the
model_config attribute of model.save('NAME.h5')) and NAME.summary.json
({name, layers:[{name, class, output_shape, params}], total_params, ...}).
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.environ.get('KERAS_CHECK_DIR', '/work/shared/tools/keras-check'))
import keras_check  # noqa: E402

keras_check._bootstrap()
import keras  # noqa: E402
from keras import layers, initializers, regularizers, constraints  # noqa: E402


def sequential_all():
    return keras.Sequential([
        keras.Input((32, 32, 3), name='image'),
        layers.Rescaling(1 / 255.0, offset=0.5),
        layers.ZeroPadding2D(((1, 2), (3, 4))),
        layers.Cropping2D(((1, 1), (2, 2)), name='crop'),
        layers.Conv2D(8, (3, 3), padding='same', dilation_rate=2, activation='relu', use_bias=False,
                      kernel_initializer=initializers.HeNormal(),
                      kernel_regularizer=regularizers.L2(1e-4), kernel_constraint=constraints.MaxNorm(3)),
        layers.DepthwiseConv2D(3, depth_multiplier=2, padding='same',
                               depthwise_regularizer=regularizers.L1(0.01)),
        layers.SeparableConv2D(16, 3, strides=2, activation='tanh', depthwise_initializer='he_uniform',
                               pointwise_constraint=constraints.NonNeg()),
        layers.BatchNormalization(momentum=0.9, epsilon=1e-5),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2DTranspose(8, 3, strides=2, padding='same', bias_initializer=initializers.Constant(0.1)),
        layers.ReLU(max_value=6.0),
        layers.UpSampling2D(2, interpolation='bilinear'),
        layers.MaxPooling2D(3, strides=2, padding='same'),
        layers.AveragePooling2D(2),
        layers.SpatialDropout2D(0.1),
        layers.LayerNormalization(epsilon=1e-3),
        layers.Activation('sigmoid'),
        layers.Flatten(),
        layers.Dense(64, activation='relu', bias_regularizer=regularizers.L1L2(l1=0.001, l2=0.002),
                     activity_regularizer=regularizers.L2(0.0005), bias_constraint=constraints.UnitNorm()),
        layers.Dropout(0.3),
        layers.Reshape((8, 8)),
        layers.Flatten(),
        layers.Dense(10, kernel_constraint=constraints.MinMaxNorm(0.0, 2.0)),
        layers.Softmax(),
    ], name='all_sequential')


def functional_all():
    a = keras.Input((16, 16, 3), name='left')
    b = keras.Input((16, 16, 3), name='right')
    x = layers.Conv2D(4, 3, padding='same', name='conv_left')(a)
    y = layers.Conv2D(4, 3, padding='same', name='conv_right')(b)
    s = layers.Add()([x, y])
    d = layers.Subtract()([x, y])
    m = layers.Multiply()([s, d, x])
    av = layers.Average()([m, y])
    mx = layers.Maximum()([av, s])
    c = layers.Concatenate(axis=-1, name='concat')([mx, x, y])
    g1 = layers.GlobalAveragePooling2D()(c)
    g2 = layers.GlobalMaxPooling2D(keepdims=False)(c)
    o1 = layers.Dense(3, activation='softmax', name='class_out')(g1)
    o2 = layers.Dense(1, name='reg_out')(g2)
    return keras.Model([a, b], [o1, o2], name='all_functional')


def residual():
    inp = keras.Input((8, 8, 16))
    x = layers.Conv2D(16, 3, padding='same', activation='relu')(inp)
    x = layers.BatchNormalization()(x)
    x = layers.SpatialDropout2D(0.1)(x)
    x = layers.Add()([x, inp])
    x = layers.ReLU()(x)
    x = layers.Flatten()(x)
    x = layers.Dropout(0.2)(x)
    x = layers.Dense(4)(x)
    x = layers.Softmax()(x)
    return keras.Model(inp, x, name='residual')


def summary(model):
    out = []
    for layer in model.layers:
        shape = layer.output.shape
        out.append({'name': layer.name, 'class': type(layer).__name__,
                    'output_shape': list(shape) if not isinstance(shape[0], (tuple, list)) else [list(s) for s in shape],
                    'params': layer.count_params()})
    trainable = sum(int(w.numpy().size) for w in model.trainable_weights)
    total = model.count_params()
    return {'name': model.name, 'layers': out, 'total_params': total,
            'trainable_params': trainable, 'non_trainable_params': total - trainable}


def main():
    outdir = sys.argv[1]
    for fn in (sequential_all, functional_all, residual):
        model = fn()
        with open(os.path.join(outdir, model.name + '.keras3.json'), 'w') as f:
            f.write(model.to_json())
        with open(os.path.join(outdir, model.name + '.summary.json'), 'w') as f:
            json.dump(summary(model), f, indent=1)
        # What model.save('x.h5') stores as its model_config attribute (legacy serialization).
        import h5py
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'm.h5')
            model.save(path)
            with h5py.File(path) as h5:
                config = h5.attrs['model_config']
                version = h5.attrs.get('keras_version')
        as_text = lambda v: v.decode() if isinstance(v, bytes) else v  # noqa: E731
        with open(os.path.join(outdir, model.name + '.h5config.json'), 'w') as f:
            json.dump({'model_config': as_text(config), 'keras_version': as_text(version)}, f)
        print(model.name, model.count_params())


main()
