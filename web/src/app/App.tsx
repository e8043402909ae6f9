import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuditPage } from '../audit/AuditPage';
import { SignInPage } from '../auth/SignInPage';
import { useSession } from '../auth/SessionContext';
import { BoardPage } from '../board/BoardPage';
import { DecisionPage } from '../decisions/DecisionPage';
import { MeetingPage } from '../meetings/MeetingPage';
import { MeetingsPage } from '../meetings/MeetingsPage';
import { MyWorkPage } from '../my-work/MyWorkPage';
import { DistrictInspectorsPage } from '../district/DistrictInspectorsPage';
import { DistrictPage } from '../district/DistrictPage';
import { DistrictSchoolPage } from '../district/DistrictSchoolPage';
import { DistrictTemplatePage } from '../district/DistrictTemplatePage';
import { DistrictTemplatesPage } from '../district/DistrictTemplatesPage';
import { ChangePasswordPage, InvitationPage, PasswordResetPage } from '../people/CredentialPages';
import { PeoplePage } from '../people/PeoplePage';
import { StaffImportPage } from '../people/StaffImportPage';
import { PlanPage } from '../plan/PlanPage';
import { DecisionsImportPage } from '../plan-import/DecisionsImportPage';
import { PlanImportPage } from '../plan-import/PlanImportPage';
import { IntegrationsPage } from '../settings/IntegrationsPage';
import { SchoolCalendarPage } from '../settings/SchoolCalendarPage';
import { SettingsPage } from '../settings/SettingsPage';
import { ProcedurePage } from '../procedure/ProcedurePage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';

/**
 * Screens live on paths the API does not use (`/plan`, `/plan/import`, `/board`, `/sittings/…` (the API has `/meetings`), `/decision/…`, `/staff`, `/invitation`, `/password…`, `/journal`, `/settings`, `/my-work`, `/district`), so a reload of any screen reaches
 * the API's page fallback and never an API route.
 */
export function App() {
  const { session } = useSession();
  const location = useLocation();
  if (!session) {
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/password-reset" element={<PasswordResetPage />} />
        <Route
          path="*"
          element={<Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />}
        />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/sign-in" element={<Navigate to={fromOf(location.state) ?? '/plan'} replace />} />
      {/* A mailed link opened while signed in (another person's, on a shared computer) still works. */}
      <Route path="/invitation" element={<InvitationPage />} />
      <Route path="/password-reset" element={<PasswordResetPage />} />
      <Route element={<AppLayout />}>
        <Route path="/" element={<Navigate to="/plan" replace />} />
        <Route path="/plan" element={<PlanPage />} />
        <Route path="/plan/import" element={<PlanImportPage />} />
        <Route path="/plan/import/decisions" element={<DecisionsImportPage />} />
        <Route path="/plan/:procedureId" element={<ProcedurePage />} />
        <Route path="/board" element={<BoardPage />} />
        <Route path="/sittings" element={<MeetingsPage />} />
        <Route path="/sittings/:meetingId" element={<MeetingPage />} />
        <Route path="/decision/:decisionId" element={<DecisionPage />} />
        <Route path="/staff" element={<PeoplePage />} />
        <Route path="/staff/import" element={<StaffImportPage />} />
        <Route path="/password" element={<ChangePasswordPage />} />
        <Route path="/journal" element={<AuditPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/settings/calendar" element={<SchoolCalendarPage />} />
        <Route path="/settings/integrations" element={<IntegrationsPage />} />
        <Route path="/my-work" element={<MyWorkPage />} />
        <Route path="/district" element={<DistrictPage />} />
        <Route path="/district/schools/:schoolId" element={<DistrictSchoolPage />} />
        <Route path="/district/templates" element={<DistrictTemplatesPage />} />
        <Route path="/district/inspectors" element={<DistrictInspectorsPage />} />
        <Route path="/district/templates/:templateId" element={<DistrictTemplatePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function fromOf(state: unknown): string | undefined {
  const from = (state as { from?: string } | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('/sign-in') ? from : undefined;
}
