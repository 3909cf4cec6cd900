/**
 * A document's print view (the same content as its DOCX, laid out on an A4 page: the
 * doc-* styles in index.html), with the buttons to go back, download and print. Penalty
 * cases and the procedures of the kit show their documents through it.
 */
import { Button, Card, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { ReactNode } from 'react';
import { useResource } from '../hooks';
import { ErrorResult } from '../components';
import { PageTitle } from '../heading';
import { QrCode } from '../qr';
// The server's own shape (type-only: nothing of the server is bundled).
import type { Block, DocumentContent } from '../../../src/procedure/documents/content';

const cnDate = (d: string | null) => {
  if (!d) return '    年  月  日';
  const [y, m, day] = d.split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

function BlockView({ b }: { b: Block }) {
  switch (b.kind) {
    case 'field':
      return (
        <p className="doc-field">
          <b>{b.label}：</b>
          {b.value}
        </p>
      );
    case 'paragraph':
      return (
        <>
          {b.heading && <p className="doc-heading">{b.heading}</p>}
          {b.text.split('\n').map((t, i) => (
            <p key={i} className="doc-para">
              {t}
            </p>
          ))}
        </>
      );
    case 'table':
      return (
        <table className="doc-table">
          <thead>
            <tr>
              {b.header.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {b.rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'signatures':
      return (
        <>
          {b.lines.map((l) => (
            <p key={l} className="doc-sign">
              {l}
              <span>年　月　日</span>
            </p>
          ))}
        </>
      );
  }
}

/**
 * The document at `path` (the API's print-view JSON) with a link back (`back`) and its DOCX
 * (`path` + `/docx`).
 */
export function DocumentView({ path, back }: { path: string; back: { to: string; label: ReactNode } }) {
  const doc = useResource<{ content: DocumentContent; agencyName: string }>(path);
  if (doc.error) return <ErrorResult error={doc.error} />;
  const d = doc.data?.content;
  return (
    <Card
      loading={!d}
      className="doc-card"
      extra={
        <Space className="no-print">
          <Link to={back.to}>{back.label}</Link>
          <a href={`/api/v1${path}/docx`}>下载 DOCX</a>
          <Button type="primary" onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      }
    >
      {d && (
        <article className="doc-page" data-testid="document">
          <p className="doc-agency">{doc.data!.agencyName}</p>
          <PageTitle className="doc-title">{d.title}</PageTitle>
          {d.number && <p className="doc-number">{d.number}</p>}
          {d.blocks.map((b, i) => (
            <BlockView key={i} b={b} />
          ))}
          {d.sealed && (
            <div className="doc-seal">
              <p>{doc.data!.agencyName}（印章）</p>
              <p>{cnDate(d.date)}</p>
            </div>
          )}
          {d.verification && (
            <div
              className="doc-verification"
              data-testid="document-verification"
              style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 24 }}
            >
              <QrCode text={d.verification.url} size={96} label={`查验二维码：${d.verification.url}`} />
              <div style={{ fontSize: 12 }}>
                <p style={{ margin: 0 }}>查验码：{d.verification.code}</p>
                <p style={{ margin: 0 }}>
                  扫描二维码或在 {new URL(d.verification.url).origin}/portal/verify 输入查验码，核对本文书的真实性和效力。
                </p>
              </div>
            </div>
          )}
        </article>
      )}
    </Card>
  );
}
