/** Slot for the run history (issue 5): every training run with its settings, final metrics and curves to compare. */
export function RunsTab() {
  return (
    <div className="empty-state" data-testid="runs-placeholder">
      <p><b>Your training runs will be listed here</b> with their settings and final accuracy, so you can overlay their
        curves and compare what a change did.</p>
    </div>
  );
}
