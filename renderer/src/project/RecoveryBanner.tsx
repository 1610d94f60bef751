import { useEffect, useState } from 'react';
import { api } from '../host/api';
import { discardRecovery, restoreRecovery } from './projectActions';

type Offer = { savedAt: string; name: string } | null;

/** After a crash: offer the autosaved work back (nothing is restored without asking). */
export function RecoveryBanner() {
  const [offer, setOffer] = useState<Offer>(null);
  useEffect(() => {
    void api()
      .invoke('recovery.check', {})
      .then((r) => {
        if (r.ok && r.value.available) setOffer({ savedAt: r.value.savedAt, name: r.value.name });
      });
  }, []);
  if (offer === null) return null;
  const when = new Date(offer.savedAt);
  const at = Number.isNaN(when.getTime()) ? offer.savedAt : when.toLocaleString();
  // Either answer closes the banner at once; restoring or discarding then runs on its own.
  const answer = (act: () => Promise<void>) => () => {
    setOffer(null);
    void act();
  };
  return (
    <div className="banner" role="alert" data-testid="recovery-banner">
      <span>
        Unsaved work on <b>{offer.name}</b> from {at} was kept when Blockprop last closed.
      </span>
      <button type="button" className="btn primary small" onClick={answer(restoreRecovery)} data-testid="recovery-restore">
        Restore
      </button>
      <button type="button" className="btn small" onClick={answer(discardRecovery)} data-testid="recovery-discard">
        Discard
      </button>
    </div>
  );
}
