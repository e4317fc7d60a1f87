/** The Excel adapter: the one door to the Excel API (see api.ts). */
export * from './api';
export { createWorkbookService, type ServiceOptions } from './workbook-service';
