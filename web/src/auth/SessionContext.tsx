import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { createApi, unwrap, type Api } from '../api/client';
import { uploadForm, type UploadProgress } from '../api/upload';
import {
  clearSession,
  currentSchool,
  loadSession,
  saveSession,
  type Membership,
  type Session,
  type SignOutReason,
} from './session';

interface SessionState {
  session: Session | null;
  /** Why the person is on the sign-in page, when they did not go there themselves. */
  reason?: SignOutReason;
  schoolId?: string;
  api: Api;
  signIn(login: string, password: string): Promise<void>;
  /** A session the server answered with outside sign-in: a first password by invitation, a reset link. */
  startSession(answer: LoginAnswer): Promise<void>;
  signOut(reason: SignOutReason): Promise<void>;
  chooseSchool(schoolId: string): void;
  /** A multipart POST with upload progress, under the session (plan files, evidence). */
  upload<T>(path: string, form: FormData, onProgress?: (p: UploadProgress) => void): Promise<T>;
}

const SessionContext = createContext<SessionState | null>(null);

export interface LoginAnswer {
  token: string;
  expiresAt: string;
  user: { id: string; name?: string; schools: Membership[]; inspects?: string[] };
}

interface Me {
  readableSchools: string[] | 'any';
  schoolId?: string;
  /** A district administrator's districts (where schools are opened). */
  administers?: { districts?: string[] };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState(() => loadSession(window.localStorage, new Date()));
  const sessionRef = useRef<Session | null>(state.session);
  sessionRef.current = state.session;

  const expire = useCallback(() => {
    if (!sessionRef.current) return;
    sessionRef.current = null;
    clearSession(window.localStorage);
    queryClient.clear();
    setState({ session: null, reason: 'expired' });
  }, [queryClient]);

  const api = useMemo(
    () =>
      createApi({
        token: () => sessionRef.current?.token,
        schoolId: () => (sessionRef.current ? currentSchool(sessionRef.current) : undefined),
        onUnauthorized: expire,
      }),
    [expire],
  );

  const startSession = useCallback(
    async (answer: LoginAnswer) => {
      const me = await unwrap<Me>(
        api.GET('/auth/me', { headers: { Authorization: `Bearer ${answer.token}` } }),
      );
      const schools =
        me.readableSchools === 'any' ? answer.user.schools.map((m) => m.schoolId) : [...me.readableSchools];
      const session: Session = {
        token: answer.token,
        expiresAt: answer.expiresAt,
        user: { ...answer.user, administers: [...(me.administers?.districts ?? [])] },
        schools,
      };
      saveSession(window.localStorage, session);
      sessionRef.current = session;
      queryClient.clear();
      setState({ session });
    },
    [api, queryClient],
  );

  const signIn = useCallback(
    async (login: string, password: string) =>
      startSession(await unwrap<LoginAnswer>(api.POST('/auth/login', { body: { login, password } }))),
    [api, startSession],
  );

  const signOut = useCallback(
    async (reason: SignOutReason) => {
      // The server forgets the token first; if it cannot be reached the browser forgets it anyway.
      if (reason === 'signed-out') await api.POST('/auth/logout').catch(() => undefined);
      sessionRef.current = null;
      clearSession(window.localStorage);
      queryClient.clear();
      setState({ session: null, reason });
    },
    [api, queryClient],
  );

  const chooseSchool = useCallback(
    (schoolId: string) => {
      const session = sessionRef.current;
      if (!session) return;
      const next = { ...session, schoolId };
      saveSession(window.localStorage, next);
      sessionRef.current = next;
      queryClient.clear();
      setState({ session: next });
    },
    [queryClient],
  );

  const upload = useCallback(
    <T,>(path: string, form: FormData, onProgress?: (p: UploadProgress) => void) => {
      const session = sessionRef.current;
      const school = session ? currentSchool(session) : undefined;
      return uploadForm<T>({
        url: new URL(path, window.location.origin).toString(),
        form,
        headers: {
          ...(session ? { Authorization: `Bearer ${session.token}` } : {}),
          ...(school ? { 'X-School-Id': school } : {}),
        },
        onProgress,
        onUnauthorized: expire,
      });
    },
    [expire],
  );

  const value = useMemo<SessionState>(
    () => ({
      upload,
      session: state.session,
      reason: state.session ? undefined : 'reason' in state ? state.reason : undefined,
      schoolId: state.session ? currentSchool(state.session) : undefined,
      api,
      signIn,
      startSession,
      signOut,
      chooseSchool,
    }),
    [state, api, signIn, startSession, signOut, chooseSchool, upload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For screens behind sign-in: the session, its school and the API client. */
export function useSignedIn(): SessionState & { session: Session } {
  const value = useSession();
  if (!value.session) throw new Error('useSignedIn without a session');
  return value as SessionState & { session: Session };
}
