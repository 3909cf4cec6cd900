import { useParams } from 'react-router-dom';
import { DocumentView } from '../DocumentView';

/** The print view of one document of a penalty case. */
export default function DocumentPage() {
  const { id, documentId } = useParams();
  return (
    <DocumentView
      path={`/penalty-cases/${id}/documents/${encodeURIComponent(documentId ?? '')}`}
      back={{ to: `/console/penalty-cases/${id}`, label: '返回案件' }}
    />
  );
}
