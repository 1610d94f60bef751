import { templates } from '../../../shared/templates';
import { openTemplate } from '../project/projectActions';
import { openDialog } from '../state/uiStore';
import { Menu } from '../ui/Menu';

/** Quick access to the templates (the gallery shows them with pictures). */
export function TemplatePicker() {
  return (
    <Menu
      label="Templates"
      testId="template-menu"
      items={[
        { label: 'Gallery…', onSelect: () => openDialog('templates'), testId: 'menu-gallery' },
        'separator',
        ...templates.map((t) => ({ label: t.title, onSelect: () => openTemplate(t.id), testId: `template-${t.id}` })),
      ]}
    />
  );
}
