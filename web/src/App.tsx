import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useI18n } from './lib/i18n';
import { homePath, useSession } from './lib/session';
import type { Role } from './lib/types';
import { BareLayout, Layout } from './components/Layout';
import { PageHeader } from './components/PageHeader';
import { ErrorBox, Loading } from './components/States';
import { SignInPage } from './pages/SignIn';
import { NewPlanPage, PlansPage } from './pages/Plans';
import { PlanDashboardPage } from './pages/PlanDashboard';
import { PlanSettingsPage } from './pages/PlanSettings';
import { TaskListPage } from './pages/TaskList';
import { TaskDetailPage } from './pages/TaskDetail';
import { NewTaskPage } from './pages/NewTask';
import { ImportWizardPage } from './pages/ImportWizard';
import { AnnualCyclePage } from './pages/AnnualCycle';
import { AgencyPortalPage } from './pages/AgencyPortal';
import { AgencyReportPage } from './pages/AgencyReport';
import { OutboxPage } from './pages/Outbox';
import { AgenciesPage, AgencyDetailPage } from './pages/Agencies';
import { CalendarPage, UsersPage } from './pages/Admin';
import { AuditLogPage } from './pages/AuditLog';
import { OverviewPage } from './pages/Overview';

/** The signed-in part of the app; anyone else goes to the sign-in screen and comes back afterwards. */
function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') {
    return (
      <BareLayout>
        {session.problem ? <ErrorBox error={session.problem} onRetry={session.retry} /> : <Loading />}
      </BareLayout>
    );
  }
  if (session.status === 'signed-out') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** A page only some roles use; the API enforces the same rule, this only keeps others out of a dead end. */
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { me } = useSession();
  const { t } = useI18n();
  if (!me || !roles.includes(me.role)) {
    return <PageHeader title={t('error.forbidden')} lead={<p>{t('error.forbiddenPage')}</p>} />;
  }
  return <>{children}</>;
}

function Home() {
  const { me } = useSession();
  return <Navigate to={me ? homePath(me.role) : '/signin'} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return <PageHeader title={t('error.notFound')} lead={<p>{t('error.notFoundPage')}</p>} />;
}

const COORD: Role[] = ['coordinator'];
const COORD_VIEW: Role[] = ['coordinator', 'viewer'];
const READERS: Role[] = ['coordinator', 'viewer', 'agency'];

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route element={<RequireSession />}>
          <Route element={<Layout />}>
            <Route index element={<Home />} />
            <Route path="plans" element={<RequireRole roles={COORD_VIEW}><PlansPage /></RequireRole>} />
            <Route path="plans/new" element={<RequireRole roles={COORD}><NewPlanPage /></RequireRole>} />
            <Route path="plans/:planId" element={<RequireRole roles={COORD_VIEW}><PlanDashboardPage /></RequireRole>} />
            <Route path="plans/:planId/tasks/new" element={<RequireRole roles={COORD}><NewTaskPage /></RequireRole>} />
            <Route path="plans/:planId/import" element={<RequireRole roles={COORD}><ImportWizardPage /></RequireRole>} />
            <Route path="plans/:planId/cycles" element={<RequireRole roles={COORD_VIEW}><AnnualCyclePage /></RequireRole>} />
            <Route path="plans/:planId/settings" element={<RequireRole roles={COORD}><PlanSettingsPage /></RequireRole>} />
            <Route path="tasks" element={<RequireRole roles={READERS}><TaskListPage /></RequireRole>} />
            <Route path="tasks/:taskId" element={<RequireRole roles={READERS}><TaskDetailPage /></RequireRole>} />
            <Route path="portal" element={<RequireRole roles={['agency']}><AgencyPortalPage /></RequireRole>} />
            <Route path="portal/report" element={<RequireRole roles={['agency']}><AgencyReportPage /></RequireRole>} />
            <Route path="overview" element={<RequireRole roles={['viewer', 'coordinator']}><OverviewPage /></RequireRole>} />
            <Route path="outbox" element={<RequireRole roles={COORD}><OutboxPage /></RequireRole>} />
            <Route path="agencies" element={<AgenciesPage />} />
            <Route path="agencies/:code" element={<AgencyDetailPage />} />
            <Route path="admin/users" element={<RequireRole roles={['admin']}><UsersPage /></RequireRole>} />
            <Route path="admin/calendar" element={<RequireRole roles={['admin']}><CalendarPage /></RequireRole>} />
            <Route path="admin/audit" element={<RequireRole roles={['admin']}><AuditLogPage /></RequireRole>} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
