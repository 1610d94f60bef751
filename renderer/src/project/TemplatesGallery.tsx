import { useMemo } from 'react';
import { laidOut } from '../../../shared/layout';
import { templates, type TemplateInfo } from '../../../shared/templates';
import { formatCount } from '../ui/format';
import { openTemplate } from './projectActions';
import { TemplateThumbnail } from './TemplateThumbnail';

const groups: readonly { id: TemplateInfo['group']; title: string }[] = [
  { id: 'chapter', title: 'From the chapter' },
  { id: 'classic', title: 'Classic and building blocks' },
  { id: 'applications', title: 'Keras Applications' },
];

/** The templates with a picture and a line each; shown on the empty canvas and as a dialog. */
export function TemplatesGallery({ onPicked }: { onPicked?: () => void }) {
  // Built once per gallery: even InceptionV3 builds in a few milliseconds.
  const built = useMemo(() => new Map(templates.map((t) => [t.id, laidOut(t.build())])), []);
  return (
    <div className="gallery" data-testid="templates-gallery">
      {groups.map((g) => (
        <section key={g.id}>
          <h3 className="gallery-group">{g.title}</h3>
          <div className="gallery-grid">
            {templates
              .filter((t) => t.group === g.id)
              .map((t) => {
                const graph = built.get(t.id);
                return (
                  <button
                    key={t.id}
                    type="button"
                    className="gallery-card"
                    data-testid={`gallery-${t.id}`}
                    onClick={() => {
                      openTemplate(t.id);
                      onPicked?.();
                    }}
                  >
                    {graph !== undefined && <TemplateThumbnail graph={graph} />}
                    <span className="gallery-title">{t.title}</span>
                    <span className="gallery-desc">{t.description}</span>
                    <span className="gallery-meta num">
                      {graph?.nodes.length ?? 0} layers · {formatCount(t.expectedTotalParams)} params
                    </span>
                  </button>
                );
              })}
          </div>
        </section>
      ))}
    </div>
  );
}
