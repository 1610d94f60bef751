import { memo } from 'react';
import { ActivationField } from './ActivationField';
import { BoolField } from './BoolField';
import { EnumField } from './EnumField';
import type { FieldProps } from './fieldTypes';
import { ObjectParamField } from './ObjectParamField';
import { TextParamField } from './TextParamField';

/** The right control for a parameter's type, with its label and one-line help. */
function ParamFieldImpl(props: FieldProps & { problem?: string | undefined }) {
  const { spec, id, problem } = props;
  let control;
  switch (spec.type) {
    case 'bool':
      control = <BoolField {...props} />;
      break;
    case 'enum':
      control = <EnumField {...props} options={spec.options} />;
      break;
    case 'activation':
      control = <ActivationField {...props} />;
      break;
    case 'initializer':
      control = <ObjectParamField {...props} kind="initializer" />;
      break;
    case 'regularizer':
      control = <ObjectParamField {...props} kind="regularizer" />;
      break;
    case 'constraint':
      control = <ObjectParamField {...props} kind="constraint" />;
      break;
    default:
      control = <TextParamField {...props} />;
  }
  return (
    <div className={`field${problem === undefined ? '' : ' has-problem'}`} data-testid={`field-${spec.name}`}>
      <label htmlFor={id} className="field-label" title={spec.help}>
        {spec.name}
      </label>
      <div className="field-control">{control}</div>
      {problem !== undefined && (
        <div className="field-message" role="alert">
          {problem}
        </div>
      )}
      <div className="field-help">{spec.help}</div>
    </div>
  );
}

export const ParamField = memo(ParamFieldImpl);
