/**
 * How one procedure of the kit appears in the console. The pages (list, record, document)
 * and the action forms are generic; a procedure adds only what is its own: its names, how
 * its record reads, and the options of any widget its schemas ask for.
 */
import type { ComponentType, ReactNode } from 'react';
import type { StringKey } from '../../i18n';
import type { Widgets } from './SchemaForm';
import type { ProcedureDictionaries, RecordView } from './types';
import type { Me } from '../../types';

export interface ProcedureConsole<S = unknown> {
  /** The console's URL segment: /console/<key>, /console/<key>/:id */
  key: string;
  /** Under /api/v1 (procedureRoutes' `path`) */
  api: string;
  /** The permission that shows the menu entry (the server checks again) */
  permission: string;
  /** Menu entry and list heading */
  title: StringKey;
  /** The opening button (e.g. 登记申请) */
  openLabel: StringKey;
  /** The label of the list's text search */
  searchLabel: StringKey;
  /** The record's name in sentences: 没有…, 返回…列表 */
  recordName: string;
  /** Column titles of the list's dates */
  openedLabel: string;
  closedLabel: string;
  /** The record page's heading */
  heading: (v: RecordView<S>) => ReactNode;
  /** What the record says, on its page */
  Summary: ComponentType<{ view: RecordView<S>; dict: ProcedureDictionaries }>;
  /** What it supplies for the page widgets its schemas name (`widget`), from the record (the page supplies `evidence`: the items not withdrawn) */
  widgetOptions?: (v: RecordView<S>) => Widgets;
  /** The permission that redacts and shares its records' evidence (the server's registry entry names it) */
  evidencePermission?: string;
  /** What an action form on a record offers beyond the record's own (a 规范性文件 to refer): read from `path` (under /api/v1) when a form opens */
  actionWidgets?: { path: string; supply: (data: unknown) => Widgets };
  /** The opening form's first values */
  openDefaults?: Record<string, unknown>;
  /** What the opening form's page widgets offer: read from `path` (under /api/v1) and turned into options for this user */
  openWidgets?: { path: string; supply: (data: unknown, me: Me) => Widgets };
  /** Shown under the opening form's fields, from what was entered so far */
  OpenAside?: ComponentType<{ values: Record<string, unknown> }>;
  /** Shown once after an opening, with the answer (which may carry something shown only then) */
  Opened?: ComponentType<{ answer: RecordView<S> & Record<string, unknown>; onClose: () => void }>;
}
