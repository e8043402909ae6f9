import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useRef } from 'react';
import { fieldErrors } from '../api/errors';
import { newIdempotencyKey } from '../api/keys';
import { rememberPosition } from '../api/queries';
import { useSignedIn } from '../auth/SessionContext';

export interface CommandResult {
  procedureId: string;
  revision: number;
  position: number;
  eventTypes: string[];
}

type Send = (headers: Record<string, string>) => Promise<CommandResult>;

/**
 * One stage command: sent with the revision the page showed (If-Match, so a stale page gets 409 rather than
 * overwriting) and an Idempotency-Key kept across retries of the same submission. After it, the page's queries
 * wait for the log position it returned, so what was done is on screen at once.
 */
export function useCommand(revision: number | undefined, form?: FormInstance) {
  const queryClient = useQueryClient();
  const { schoolId } = useSignedIn();
  const key = useRef<string>(newIdempotencyKey());
  return useMutation({
    mutationFn: (send: Send) =>
      send({
        'Idempotency-Key': key.current,
        ...(revision !== undefined ? { 'If-Match': `"${revision}"` } : {}),
      }),
    onSuccess: async (result) => {
      key.current = newIdempotencyKey();
      form?.resetFields();
      rememberPosition(queryClient, schoolId, result.position);
      await queryClient.invalidateQueries({ queryKey: [schoolId] });
    },
    onError: (error) => {
      // The server names the fields it refused: show each message under its field.
      const fields = fieldErrors(error);
      form?.setFields(
        Object.entries(fields).map(([name, message]) => ({
          name: name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
          errors: [message],
        })),
      );
    },
  });
}
