import type { ImportJob } from '../../lib/types';
import type { ColumnChoice } from '../../../../domain/import/types';

/** The server's reply to a commit: the import job, or that this file was imported already. */
export interface CommitReply {
  alreadyImported: boolean;
  job?: ImportJob;
}

/** What the coordinator decided in the wizard, sent with the file. */
export interface Choices {
  /** The worksheet or Word table read; by default the first whose columns hold a title and a lead. */
  sheet?: string;
  mapping: Record<string, ColumnChoice>;
  cancelRemoved: string[];
}
