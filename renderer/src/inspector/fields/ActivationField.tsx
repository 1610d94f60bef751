import { activationNames } from '../../../../shared/layers/kerasObjects';
import { EnumField } from './EnumField';
import type { FieldProps } from './fieldTypes';

export function ActivationField(props: FieldProps) {
  return <EnumField {...props} options={activationNames} />;
}
