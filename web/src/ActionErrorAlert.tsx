/**
 * Why the server did not take an action, as it said it: every refusal of a gate (409
 * GATE_REFUSED) with the article it rests on, or the input it found wrong (400
 * INVALID_INPUT, each issue where the form could not show it at its field).
 */
import type { ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import type { ApiError } from './api';

export interface Refusal {
  message: string;
  citation: string | null;
}
export interface InputIssue {
  /** Where the server found it (`applicant.name`): for placing it at its field, never shown */
  path: string;
  message: string;
  /** The field's Chinese title, when the server names it */
  title?: string;
}

export const refusalsOf = (e: ApiError): Refusal[] =>
  e.code === 'GATE_REFUSED' ? ((e.details as { refusals?: Refusal[] } | undefined)?.refusals ?? []) : [];

export const inputIssuesOf = (e: ApiError): InputIssue[] =>
  e.code === 'INVALID_INPUT' && Array.isArray(e.details) ? (e.details as InputIssue[]).filter((i) => typeof i?.message === 'string') : [];

/** `unplaced`: the input issues no field of the form shows (all of them when omitted). */
export function ActionErrorAlert({ error, unplaced }: { error: ApiError; unplaced?: InputIssue[] }) {
  const refusals = refusalsOf(error);
  const issues = unplaced ?? inputIssuesOf(error);
  const cite = (c: string | null | undefined) => (c ? <Typography.Text type="secondary">（依据：{c}）</Typography.Text> : null);
  let description: ReactNode;
  if (refusals.length > 0) {
    description = (
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {refusals.map((r, i) => (
          <li key={i} data-testid="refusal">
            {r.message}
            {cite(r.citation)}
          </li>
        ))}
      </ul>
    );
  } else if (error.code === 'INVALID_INPUT') {
    description =
      issues.length > 0 ? (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {issues.map((x, i) => (
            <li key={i}>
              {x.title ? `${x.title}：` : ''}
              {x.message}
            </li>
          ))}
        </ul>
      ) : inputIssuesOf(error).length > 0 ? (
        '请按各栏的提示修改后再提交。'
      ) : undefined;
  } else if (error.citation) {
    description = `依据：${error.citation}`;
  }
  // The server's message of an input error names the field by its path (`（items）`): the issues say
  // what is wrong, at their fields or listed here, so the title says only that something is.
  const title =
    refusals.length > 1
      ? `不能执行，原因共 ${refusals.length} 项：`
      : refusals.length === 1
        ? '不能执行：'
        : error.code === 'INVALID_INPUT' && inputIssuesOf(error).length > 0
          ? '填写的内容有误，未能提交'
          : error.message;
  return <Alert type="error" showIcon style={{ marginBottom: 12 }} title={title} description={description} data-testid="action-error" />;
}
