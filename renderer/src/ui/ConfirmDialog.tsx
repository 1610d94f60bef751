import { Modal } from './Modal';
import { useConfirmRequest } from './confirm';

/** The app's confirmation dialog (askConfirm); the go-ahead button has focus, so Enter confirms. */
export function ConfirmDialog() {
  const request = useConfirmRequest();
  if (request === null) return null;
  const no = () => request.resolve(false);
  return (
    <Modal
      title={request.title}
      onClose={no}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={no} data-testid="confirm-cancel">
            {request.cancelLabel ?? 'Cancel'}
          </button>
          <button
            type="button"
            className={`btn ${request.danger === true ? 'danger' : 'primary'}`}
            onClick={() => request.resolve(true)}
            data-testid="confirm-ok"
            data-autofocus
          >
            {request.confirmLabel}
          </button>
        </>
      }
    >
      <p className="confirm-message" data-testid="confirm-message">
        {request.message}
      </p>
    </Modal>
  );
}
