import { useParams } from 'react-router-dom';
import { DocumentView } from '../DocumentView';
import type { ProcedureConsole } from './config';

/** The print view of one document of a procedure's record. */
export default function ProcedureDocumentPage<S>({ config }: { config: ProcedureConsole<S> }) {
  const { id, documentId } = useParams();
  return (
    <DocumentView
      path={`${config.api}/${id}/documents/${encodeURIComponent(documentId ?? '')}`}
      back={{ to: `/console/${config.key}/${id}`, label: `返回${config.recordName}` }}
    />
  );
}
