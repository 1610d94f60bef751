import type { ActionId } from '../../../shared/actions';
import { appActions, runAction } from '../actions/appActions';
import { useDirty, useProject } from '../state/projectStore';
import { useUi } from '../state/uiStore';
import { requestLesson } from '../actions/lessonHook';
import { useEditorState } from '../state/useEditor';
import { BackendBadge } from './BackendBadge';
import { ConnectionBadge } from './ConnectionBadge';
import { FileMenu } from './FileMenu';
import { TemplatePicker } from './TemplatePicker';
import { TrainButtonSlot } from './TrainButtonSlot';
import { keyText, titleWithKey } from '../keyboard/keyText';

/** The slim bar on top: file and its unsaved mark, templates/lesson, undo, theme, backend, Train. */
export function TopBar() {
  const title = useProject((s) => s.title);
  const dirty = useDirty();
  const canUndo = useEditorState((s) => s.history.past.length > 0);
  const canRedo = useEditorState((s) => s.history.future.length > 0);
  const theme = useUi((s) => s.theme);
  return (
    <header className="topbar">
      <span className="brand" aria-label="Blockprop">
        <span className="brand-mark" aria-hidden>
          ◧
        </span>
        Blockprop
      </span>
      <FileMenu />
      <TemplatePicker />
      <button type="button" className="btn ghost" onClick={requestLesson} data-testid="lesson-button" title="The chapter's guided lesson">
        Lesson
      </button>
      <span className="file-title" data-testid="file-title" title={title}>
        {title}
        {dirty && (
          <span className="dirty-mark" data-testid="dirty-mark" title="Unsaved changes" aria-label="unsaved changes">
            {' '}
            ●
          </span>
        )}
      </span>
      <span className="spacer" />
      <ConnectionBadge />
      <button
        type="button"
        className="btn ghost small command-button"
        onClick={appActions.commandPalette}
        title={titleWithKey('command-palette')}
        data-testid="command-button"
      >
        Commands <kbd>{keyText('command-palette')}</kbd>
      </button>
      <ActionIconButton action="undo" glyph="↶" label="Undo" disabled={!canUndo} testId="undo" />
      <ActionIconButton action="redo" glyph="↷" label="Redo" disabled={!canRedo} testId="redo" />
      <ActionIconButton action="auto-layout" glyph="⇅" label="Auto-layout" />
      <button
        type="button"
        className="icon-btn"
        onClick={appActions.toggleTheme}
        title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
        aria-label="Toggle theme"
        data-testid="theme-toggle"
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <BackendBadge />
      <TrainButtonSlot />
    </header>
  );
}

/** An icon button that runs one action of shared/actions.ts, its tooltip naming the action's key. */
function ActionIconButton(props: { action: ActionId; glyph: string; label: string; disabled?: boolean; testId?: string }) {
  return (
    <button
      type="button"
      className="icon-btn"
      onClick={() => runAction(props.action)}
      disabled={props.disabled}
      title={titleWithKey(props.action)}
      aria-label={props.label}
      data-testid={props.testId}
    >
      {props.glyph}
    </button>
  );
}
