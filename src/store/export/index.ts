// The page's exports: pure text from runs, no DOM (src/ui/ExportMenu.tsx downloads it).
export { exportFiles, exportRefusal } from './exportFiles.ts';
export type { ExportFile, ExportResult } from './exportFiles.ts';
export type { NamedRunAtStep, RunAtStep } from './exportTypes.ts';
export { EXPORT_KINDS, fileStem, runFileName, runsJsonFileName } from './fileNames.ts';
export type { ExportKind } from './fileNames.ts';
export { BYTES_PER_EXPORTED_STEP, MAX_EXPORT_STEPS, MAX_EXPORT_WORK, recomputeWork, simCsvCommand, stepsExportRefusal } from './limits.ts';
export { allRunsJson, ExportRefusedError, runEpochsCsv, runExportJson, runStepsCsv } from './runExport.ts';
export { resimulate } from './resimulate.ts';
