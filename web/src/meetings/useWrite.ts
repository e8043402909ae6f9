import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useRef } from 'react';
import { fieldErrors } from '../api/errors';
import { newIdempotencyKey } from '../api/keys';
import { rememberPosition } from '../api/queries';
import { useSignedIn } from '../auth/SessionContext';

/**
 * A command on a meeting or a decision: sent with the revision the screen showed (If-Match: a stale screen gets
 * 409 instead of overwriting) and an Idempotency-Key kept across retries of one submission. Afterwards the
 * school's queries wait for the log position it returned, so the change is on screen at once; a 400's field
 * messages go under their fields.
 */
export function useWrite<T extends { position: number }, V = void>(
  send: (headers: Record<string, string>, variables: V) => Promise<T>,
  options: { revision?: number; form?: FormInstance; onSuccess?(result: T, variables: V): void } = {},
) {
  const queryClient = useQueryClient();
  const { schoolId } = useSignedIn();
  const key = useRef<string>(newIdempotencyKey());
  return useMutation({
    mutationFn: (variables: V) =>
      send(
        {
          'Idempotency-Key': key.current,
          ...(options.revision !== undefined ? { 'If-Match': `"${options.revision}"` } : {}),
        },
        variables,
      ),
    onSuccess: async (result, variables) => {
      key.current = newIdempotencyKey();
      rememberPosition(queryClient, schoolId, result.position);
      options.onSuccess?.(result, variables);
      await queryClient.invalidateQueries({ queryKey: [schoolId] });
    },
    onError: (error) => {
      const fields = fieldErrors(error);
      options.form?.setFields(
        Object.entries(fields).map(([name, message]) => ({
          name: name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
          errors: [message],
        })),
      );
    },
  });
}
