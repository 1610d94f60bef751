import { useStore } from '../state/createStore';
import { dismissToast, toastStore } from './toasts';

export function Toasts() {
  const toasts = useStore(toastStore, (s) => s);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} data-testid="toast" onClick={() => dismissToast(t.id)}>
          {t.message}
        </div>
      ))}
    </div>
  );
}
