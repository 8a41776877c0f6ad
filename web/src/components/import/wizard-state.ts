import type { ColumnChoice } from '../../../../domain/import/types';

/** What the coordinator decided in the wizard, sent with the file. */
export interface Choices {
  /** The worksheet or Word table read; by default the first whose columns hold a title and a lead. */
  sheet?: string;
  mapping: Record<string, ColumnChoice>;
  cancelRemoved: string[];
}
