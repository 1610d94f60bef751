/**
 * Slot for the Train panel (issue 5): dataset chooser, training settings, Start/Stop, progress
 * and live curves. It reads the graph through state/useEditor (useGraph) and the project's
 * training settings through project/projectStore; it talks to main only through api/.
 */
export function TrainTab() {
  return (
    <div className="empty-state" data-testid="train-placeholder">
      <p><b>Training comes here.</b> Pick a dataset (MNIST, Fashion-MNIST or a folder of images), set the optimizer,
        learning rate, batch size and epochs, then press Train to watch the loss and accuracy curves live.</p>
    </div>
  );
}
