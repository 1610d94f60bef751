import { newProject, serializeProject, type DatasetRef, type TrainingSettings } from '../../../shared/project';
import { defaultTraining } from '../../../shared/project';
import { getTemplate, templates, type TemplateInfo } from '../../../shared/templates';
import { exitOk, exitUsage, type CliCommand } from '../command';
import { writeOutput } from '../writeOutput';

/** The chapter's own training settings where the template has them. */
function trainingFor(t: TemplateInfo): TrainingSettings {
  const c = t.chapter;
  if (!c) return defaultTraining;
  const sgd = c.training.optimizer === 'sgd';
  return {
    ...defaultTraining,
    optimizer: sgd ? { kind: 'sgd', momentum: 0, nesterov: false } : { kind: 'adam' },
    // Keras's defaults where the chapter kept them: SGD 0.01, Adam 0.001.
    learningRate: c.training.learningRate ?? (sgd ? 0.01 : 0.001),
    loss: c.training.loss,
    batchSize: c.training.batchSize,
    epochs: c.training.epochs,
    validation: c.split === 'test' ? 'test' : 'split',
  };
}

function datasetFor(t: TemplateInfo): DatasetRef {
  // Colour-image models train on a folder of images, one sub-folder per class; its path is
  // chosen in the app (or by editing dataset.path). 'data' is a placeholder beside the project.
  return t.dataset === 'image-folder' || t.dataset === 'imagenet' ? { kind: 'folder', path: 'data' } : { kind: 'mnist' };
}

export const newCommand: CliCommand = {
  name: 'new',
  summary: 'write a new project file from a template (stdout without -o)',
  args: {
    positionals: [{ name: 'TEMPLATE', required: true }],
    options: [
      { name: 'output', short: 'o', kind: 'value', valueName: 'FILE', help: 'write the project here' },
      { name: 'force', kind: 'flag', help: 'replace FILE if it exists' },
    ],
  },
  run({ args, io }) {
    const id = args.positionals[0] ?? '';
    const template = getTemplate(id);
    if (!template) {
      io.err(`blockprop new: unknown template '${id}'; choose one of: ${templates.map((t) => t.id).join(', ')}\n`);
      return exitUsage;
    }
    const text = serializeProject(newProject(template.build(), { training: trainingFor(template), dataset: datasetFor(template) }));
    const out = args.values.get('output');
    if (out === undefined || out === '-') {
      io.out(text);
      return exitOk;
    }
    const problem = writeOutput(out, text, args.flags.has('force'));
    if (problem) {
      io.err(`blockprop new: ${problem}\n`);
      return exitUsage;
    }
    const dataset = datasetFor(template);
    const hint = dataset.kind === 'folder' ? `; it trains on the image folder '${dataset.path}' (one sub-folder per class) — change dataset.path to yours` : '';
    io.err(`Wrote ${out} (template ${template.id})${hint}.\n`);
    return exitOk;
  },
};
