export function FieldMessage({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <div className="field-message" role="alert" data-testid="field-message">
      {message}
    </div>
  );
}
