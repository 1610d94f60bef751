import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { runMenuCommand } from './actions/appActions';
import { Canvas } from './canvas/Canvas';
import { EmptyCanvas } from './shell/EmptyCanvas';
import { Dock } from './dock/Dock';
import { api } from './host/api';
import { loadAppInfo } from './host/appInfo';
import { Inspector } from './inspector/Inspector';
import { startLesson } from './lesson/lessonStore';
import { Palette } from './palette/Palette';
import { startAutosave } from './project/autosave';
import { ConnectionLostBanner } from './project/ConnectionLostBanner';
import { RecoveryBanner } from './project/RecoveryBanner';
import { Dialogs } from './shell/Dialogs';
import { useShortcuts } from './shell/useShortcuts';
import { useUi } from './state/uiStore';
import { useEditorState } from './state/useEditor';
import { applyTheme } from './theme/tokens';
import { TopBar } from './topbar/TopBar';
import { FileDrop } from './project/FileDrop';
import { Toasts } from './ui/Toasts';
import { LessonCard } from './lesson/LessonCard';

/** The window: top bar, palette | canvas over the dock | inspector, plus dialogs and toasts. */
export function App() {
  const theme = useUi((s) => s.theme);
  const minimap = useUi((s) => s.minimap);
  const empty = useEditorState((s) => s.history.present.nodes.length === 0);
  useShortcuts();
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    void loadAppInfo();
    const stopAutosave = startAutosave();
    const stopLesson = startLesson();
    const offMenu = api().on('menu.command', (m) => runMenuCommand(m.command, m.arg));
    return () => {
      stopAutosave();
      stopLesson();
      offMenu();
    };
  }, []);
  return (
    <div className="app">
      <TopBar />
      <div className="workspace">
        <Palette />
        <main className="centre">
          <ConnectionLostBanner />
          <RecoveryBanner />
          <div className="canvas-area">
            <ReactFlowProvider>
              <Canvas showMinimap={minimap && !empty} showControls={!empty} />
            </ReactFlowProvider>
            {empty && <EmptyCanvas />}
            <LessonCard />
          </div>
          <Dock />
        </main>
        <Inspector />
      </div>
      <Dialogs />
      <FileDrop />
      <Toasts />
    </div>
  );
}
