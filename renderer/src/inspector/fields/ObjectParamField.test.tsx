// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getTemplate } from '../../../../shared/templates';
import { editor } from '../../state/editorStore';
import { Inspector } from '../Inspector';

/*
 * Initializers, regularizers, constraints and the activation, driven through the inspector as a
 * person does. The Keras CNN's 'dense' block is Dense(128, activation='relu') on 9216 features.
 */

function selectDense(): void {
  const t = getTemplate('keras_cnn');
  if (t === undefined) throw new Error('template missing');
  editor.load(t.build());
  editor.select({ nodes: ['dense'], edges: [] });
}

const param = (name: string): unknown => editor.graph().nodes.find((n) => n.id === 'dense')?.params[name];

/** Renders the inspector with its Advanced section open (where the Keras objects live). */
async function openAdvanced(): Promise<ReturnType<typeof userEvent.setup>> {
  const user = userEvent.setup();
  render(<Inspector />);
  await user.click(screen.getByText(/^Advanced/));
  return user;
}

beforeEach(selectDense);
afterEach(cleanup);

describe('Keras object fields', () => {
  it('choosing an initializer stores its class with Keras’s defaults, and its numbers appear', async () => {
    const user = await openAdvanced();
    const init = screen.getByLabelText<HTMLSelectElement>('kernel_initializer');
    expect(init.value).toBe('GlorotUniform');
    // An initializer always has a value: no None to choose.
    expect([...init.options].map((o) => o.value)).not.toContain('');
    await user.selectOptions(init, 'RandomNormal');
    expect(param('kernel_initializer')).toEqual({ class_name: 'RandomNormal', config: { seed: null, mean: 0, stddev: 0.05 } });
    expect(screen.getByTestId<HTMLInputElement>('param-kernel_initializer-stddev').value).toBe('0.05');
    expect(screen.getByTestId<HTMLInputElement>('param-kernel_initializer-mean').value).toBe('0');
  });

  it('a regularizer starts as None; choosing L2 shows its factor, and a typed factor is stored', async () => {
    const user = await openAdvanced();
    const reg = screen.getByLabelText<HTMLSelectElement>('kernel_regularizer');
    expect(reg.value).toBe('');
    expect(screen.queryByTestId('param-kernel_regularizer-l2')).toBeNull();
    await user.selectOptions(reg, 'L2');
    expect(param('kernel_regularizer')).toEqual({ class_name: 'L2', config: { l2: 0.01 } });
    const factor = screen.getByTestId<HTMLInputElement>('param-kernel_regularizer-l2');
    await user.clear(factor);
    await user.type(factor, '0.0005');
    await user.tab();
    expect(factor.value).toBe('0.0005');
    expect(param('kernel_regularizer')).toEqual({ class_name: 'L2', config: { l2: 0.0005 } });
  });

  it('a factor that is not a number says so and is not stored', async () => {
    const user = await openAdvanced();
    await user.selectOptions(screen.getByLabelText('kernel_regularizer'), 'L2');
    const factor = screen.getByTestId<HTMLInputElement>('param-kernel_regularizer-l2');
    await user.clear(factor);
    await user.type(factor, 'abc');
    await user.tab();
    expect(screen.getByText('Enter a number.')).toBeTruthy();
    expect(param('kernel_regularizer')).toEqual({ class_name: 'L2', config: { l2: 0.01 } });
  });

  it('None takes a regularizer or a constraint away again', async () => {
    const user = await openAdvanced();
    await user.selectOptions(screen.getByLabelText('kernel_constraint'), 'MaxNorm');
    expect(param('kernel_constraint')).toEqual({ class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } });
    await user.selectOptions(screen.getByLabelText('kernel_constraint'), 'None');
    expect(param('kernel_constraint')).toBeNull();
    expect(screen.queryByTestId('param-kernel_constraint-max_value')).toBeNull();
  });

  it('choosing an initializer is one undo step', async () => {
    const user = await openAdvanced();
    await user.selectOptions(screen.getByLabelText('kernel_initializer'), 'HeNormal');
    expect(param('kernel_initializer')).toMatchObject({ class_name: 'HeNormal' });
    act(() => editor.undo());
    expect(param('kernel_initializer')).toMatchObject({ class_name: 'GlorotUniform' });
    expect(screen.getByLabelText<HTMLSelectElement>('kernel_initializer').value).toBe('GlorotUniform');
  });
});

describe('ActivationField', () => {
  it('lists Keras’s activations and stores the one chosen; the parameter count stays', async () => {
    const user = userEvent.setup();
    render(<Inspector />);
    const activation = screen.getByLabelText<HTMLSelectElement>('activation');
    expect(activation.value).toBe('relu');
    const names = [...activation.options].map((o) => o.value);
    expect(names).toEqual(expect.arrayContaining(['linear', 'relu', 'sigmoid', 'softmax', 'tanh']));
    const count = screen.getByTestId('inspector-params').textContent;
    await user.selectOptions(activation, 'tanh');
    expect(param('activation')).toBe('tanh');
    expect(activation.value).toBe('tanh');
    expect(screen.getByTestId('inspector-params').textContent).toBe(count);
  });
});
