import { requestLesson } from '../actions/lessonHook';
import { TemplatesGallery } from '../project/TemplatesGallery';

/** An empty canvas teaches: the lesson, the templates, and how to start from scratch. */
export function EmptyCanvas() {
  return (
    <div className="empty-canvas" data-testid="empty-canvas">
      <div className="empty-intro">
        <h1>Draw a neural network</h1>
        <p className="muted">
          Drag layers from the palette and wire them top to bottom — every wire shows its tensor shape, every block its parameters. Or start from a model:
        </p>
        <button type="button" className="lesson-entry" onClick={requestLesson} data-testid="lesson-entry">
          <b>Guided lesson</b>
          <span className="muted">From a fully connected net on MNIST to the Keras CNN, its feature maps, and VGG-16 — the chapter, step by step.</span>
        </button>
      </div>
      <TemplatesGallery />
    </div>
  );
}
