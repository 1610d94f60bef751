export { formatSummary, renderSummary, wrapCell } from './formatSummary';
export { summaryJson, summaryModel, type SummaryJson, type SummaryLayer, type SummaryModel, type SummaryOptions, type SummaryRow } from './summaryJson';
