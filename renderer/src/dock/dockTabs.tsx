import type { ComponentType } from 'react';
import type { DockTabId } from '../state/uiStore';
import { ProblemsTab, ProblemsBadge } from './tabs/ProblemsTab';
import { TrainPanel } from '../train/TrainPanel';
import { InspectPanel } from '../inspect/InspectPanel';
import { RunsPanel } from '../runs/RunsPanel';
import { SummaryTab } from '../summary/SummaryTab';

export interface DockTab {
  readonly id: DockTabId;
  readonly title: string;
  readonly Panel: ComponentType;
  /** Optional count or status shown after the title (e.g. number of problems). */
  readonly Badge?: ComponentType;
}

/**
 * The bottom dock's tabs, in the order a person works: see the model, fix it, train it, look
 * inside, compare runs. Problems lives in dock/tabs/; the others are their features' panels (the
 * summary is also one of the Inspect tab's views, so it has its own folder under both).
 */
export const dockTabs: readonly DockTab[] = [
  { id: 'summary', title: 'Summary', Panel: SummaryTab },
  { id: 'problems', title: 'Problems', Panel: ProblemsTab, Badge: ProblemsBadge },
  { id: 'train', title: 'Train', Panel: TrainPanel },
  { id: 'inspect', title: 'Inspect', Panel: InspectPanel },
  { id: 'runs', title: 'Runs', Panel: RunsPanel },
];
