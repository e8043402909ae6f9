import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/client';
import { useSignedIn } from '../auth/SessionContext';
import type { DistrictTemplate, DistrictTemplateList } from './templates-model';

/** The log position of this tab's last publication in the district: its lists wait until they hold it. */
export const positionKey = (districtId: string) => ['district-templates-position', districtId];

export function useDistrictTemplates(districtId: string | undefined) {
  const { api } = useSignedIn();
  const client = useQueryClient();
  return useQuery({
    queryKey: ['district-templates', districtId, 'list'],
    enabled: !!districtId,
    queryFn: () => {
      const waitForPosition = client.getQueryData<number>(positionKey(districtId!));
      return unwrap<DistrictTemplateList>(
        api.GET('/districts/{districtId}/plan-templates', {
          params: {
            path: { districtId: districtId! },
            query: waitForPosition === undefined ? {} : { waitForPosition },
          },
        }),
      );
    },
  });
}

export function useDistrictTemplate(districtId: string | undefined, templateId: string) {
  const { api } = useSignedIn();
  const client = useQueryClient();
  return useQuery({
    queryKey: ['district-templates', districtId, 'one', templateId],
    enabled: !!districtId,
    queryFn: () => {
      const waitForPosition = client.getQueryData<number>(positionKey(districtId!));
      return unwrap<DistrictTemplate>(
        api.GET('/districts/{districtId}/plan-templates/{templateId}', {
          params: {
            path: { districtId: districtId!, templateId },
            query: waitForPosition === undefined ? {} : { waitForPosition },
          },
        }),
      );
    },
  });
}
