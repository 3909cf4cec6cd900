import { useResource } from '../../hooks';
import type { FormContext } from './ActionForm';
import type { PersonCertificate } from './officers';
import type { Dictionaries, ViolationType } from './types';

/** What action forms need: the dictionaries, the agency's people and its 裁量基准 (and the case's field and violation type, on a case). */
export function useFormContext(
  agencyId: string | null,
  violationTypeId: string | null,
  field: string | null = null,
): FormContext | undefined {
  const dict = useResource<Dictionaries>('/penalty-cases/dictionaries');
  const people = useResource<{ items: { id: string; name: string; post: string }[] }>(
    agencyId ? `/people?agencyId=${agencyId}&limit=200` : null,
  );
  // Each person's 执法证, for the officer picker (org.read, like the people; the agency's people only).
  const certificates = useResource<{ items: PersonCertificate[] }>(agencyId ? `/certificates?agencyId=${agencyId}&limit=200` : null);
  const settings = useResource<{
    benchmarks: ViolationType[];
    archiveWhenIncomplete: 'refuse' | 'warn';
    archiveWithoutRecording: 'refuse' | 'warn';
  }>(agencyId ? `/enforcement/settings/${agencyId}` : null);
  if (!dict.data) return undefined;
  return {
    dictionaries: dict.data,
    people: people.data?.items ?? [],
    certificates: certificates.data?.items ?? [],
    violationTypes: settings.data?.benchmarks ?? [],
    violationTypeId,
    field,
    today: dict.data.today,
    ...(settings.data
      ? { archiveWhenIncomplete: settings.data.archiveWhenIncomplete, archiveWithoutRecording: settings.data.archiveWithoutRecording }
      : {}),
  };
}
