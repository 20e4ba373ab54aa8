import { CONNECTION_KEY, settingsItem } from '../config';
import type { DiagnosticRecord } from '../db';
import type { StoredDataRepair } from '../messaging/protocol';

/** What each reporter key (WorkerContext.report) is about, so the options page can say it in words. */
const SUBJECTS: Record<string, StoredDataRepair['subject']> = {
  [settingsItem.key]: 'settings',
  [CONNECTION_KEY]: 'connection',
  'managed policy': 'policy',
  'recognition index': 'recognition-index',
};
/** Each distinct problem is one counted row; the options page needs only the recent ones. */
const MAX_SHOWN = 20;

/** Stored data the worker found unreadable and repaired (reset, removed or rebuilt), newest first. */
export function storedDataRepairs(rows: DiagnosticRecord[]): StoredDataRepair[] {
  return rows
    .filter((row) => row.kind === 'stored-data')
    .sort((a, b) => b.lastAt - a.lastAt)
    .slice(0, MAX_SHOWN)
    .map(({ adapter, missing, count, lastAt }) => ({ subject: SUBJECTS[adapter] ?? 'other', what: adapter, detail: missing, count, lastAt }));
}
