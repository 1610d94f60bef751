/**
 * Slot for the Inspect panel (issue 5): activations of the selected block (state/useEditor's
 * useSelection), first-layer kernels, confusion matrix, worst mistakes, draw-a-digit.
 */
export function InspectTab() {
  return (
    <div className="empty-state" data-testid="inspect-placeholder">
      <p><b>Look inside the network here.</b> Select a block on the canvas to see its feature maps for a test image,
        the first layer's kernels, the confusion matrix and the worst mistakes — before and after training.</p>
    </div>
  );
}
