import { describe, expect, it } from 'vitest';
import { formatEvaluation } from './evaluate';

describe('blockprop evaluate', () => {
  it('prints metrics, per-class accuracy, the confusion matrix and the worst mistakes', () => {
    const text = formatEvaluation(
      {
        loss: 0.5,
        accuracy: 0.75,
        count: 4,
        classNames: ['cats', 'dogs'],
        confusion: [
          [2, 0],
          [1, 1],
        ],
        perClassAccuracy: [1, 0.5],
        worst: [{ index: 3, label: 1, predicted: 0, probabilities: [0.9, 0.1], image: { width: 1, height: 1, channels: 1, data: '' } }],
        labels: [0, 0, 1, 1],
        predicted: [0, 0, 1, 0],
      },
      "the folder 'pets'",
    );
    expect(text.split('\n')).toEqual([
      "4 test images of the folder 'pets'",
      'loss: 0.5000 - accuracy: 0.7500',
      '',
      'Per-class accuracy:',
      '  cats   100.0%',
      '  dogs    50.0%',
      '',
      'Confusion matrix (rows: true class, columns: predicted):',
      '         cats  dogs',
      '  cats      2     0',
      '  dogs      1     1',
      '',
      'Worst mistakes (index: true -> predicted, p(true), p(predicted)):',
      '  #3: dogs -> cats, 0.1000, 0.9000',
      '',
    ]);
  });
});
