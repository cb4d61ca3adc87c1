import { lazy } from 'react';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Navigate, Route } from 'react-router';
import audit_entries from './audit_entries';
import base_rates from './base_rates';
import { authProvider, SECURITY_PATH } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import contact_measures from './contact_measures';
import contacts from './contacts';
import { Dashboard } from './dashboard/Dashboard';
import expenditures from './expenditures';
import fields_of_action from './fields_of_action';
import grant_years from './grant_years';
import grants from './grants';
import guide_municipalities from './guide_municipalities';
import { i18nProvider } from './i18n';
import indicator_values from './indicator_values';
import ledger_accounts from './ledger_accounts';
import indicators from './indicators';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './layout/NotFoundPage';
import { theme } from './layout/theme';
import measure_municipalities from './measure_municipalities';
import measure_partners from './measure_partners';
import mail_outbox from './mail_outbox';
import measures from './measures';
import milestone_forecasts from './milestone_forecasts';
import milestones from './milestones';
import municipalities from './municipalities';
import notifications from './notifications';
import partners from './partners';
import { dataProvider } from './providers/dataProvider';
import { queryClient } from './providers/queryClient';
import status_reports from './status_reports';
import tranches from './tranches';
import transfers from './transfers';
import users from './users';

const ChangePasswordPage = lazy(() => import('./auth/ChangePasswordPage'));
const SecurityPage = lazy(() => import('./auth/SecurityPage'));
const TrendPage = lazy(() => import('./trend/TrendPage'));
const DeadlinesPage = lazy(() => import('./funding/DeadlinesPage'));
const FundingReportPage = lazy(() => import('./funding/FundingReportPage'));
const PlanVsActualPage = lazy(() => import('./proof_of_use/PlanVsActualPage'));
const ProofOfUsePage = lazy(() => import('./proof_of_use/ProofOfUsePage'));
const CalendarPage = lazy(() => import('./calendar/CalendarPage'));
const PrivacyPage = lazy(() => import('./privacy/PrivacyPage'));
const BackupsPage = lazy(() => import('./backups/BackupsPage'));
const ImportPage = lazy(() => import('./imports/ImportPage'));
const ReminderSettingsPage = lazy(() => import('./notifications/ReminderSettingsPage'));

export function App() {
  return (
    <Admin
      title="MYK10 Steuerungscockpit"
      dataProvider={dataProvider}
      queryClient={queryClient}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      dashboard={Dashboard}
      layout={AppLayout}
      catchAll={NotFoundPage}
      theme={theme}
      requireAuth
      disableTelemetry
    >
      <Resource name="measures" {...measures} />
      <Resource name="milestones" {...milestones} />
      <Resource name="milestone_forecasts" {...milestone_forecasts} />
      <Resource name="indicators" {...indicators} />
      <Resource name="indicator_values" {...indicator_values} />
      <Resource name="municipalities" {...municipalities} />
      <Resource name="measure_municipalities" {...measure_municipalities} />
      <Resource name="partners" {...partners} />
      <Resource name="measure_partners" {...measure_partners} />
      <Resource name="fields_of_action" {...fields_of_action} />
      <Resource name="grants" {...grants} />
      <Resource name="grant_years" {...grant_years} />
      <Resource name="budget_lines" />
      <Resource name="tranches" {...tranches} />
      <Resource name="expenditures" {...expenditures} />
      <Resource name="transfers" {...transfers} />
      <Resource name="contacts" {...contacts} />
      <Resource name="contact_measures" {...contact_measures} />
      <Resource name="status_reports" {...status_reports} />
      <Resource name="users" {...users} />
      <Resource name="guide_municipalities" {...guide_municipalities} />
      <Resource name="proof_reports" />
      <Resource name="base_rates" {...base_rates} />
      <Resource name="ledger_accounts" {...ledger_accounts} />
      <Resource name="audit_entries" {...audit_entries} />
      <Resource name="notifications" {...notifications} />
      <Resource name="mail_outbox" {...mail_outbox} />
      <CustomRoutes>
        <Route path="/passwort" element={<ChangePasswordPage />} />
        <Route path={SECURITY_PATH} element={<SecurityPage />} />
        {/* The page's earlier name, still in bookmarks and mails. */}
        <Route path="/zweiter-faktor" element={<Navigate to={SECURITY_PATH} replace />} />
        <Route path="/mta" element={<TrendPage />} />
        <Route path="/fristen" element={<DeadlinesPage />} />
        <Route path="/foerderbericht" element={<FundingReportPage />} />
        <Route path="/soll-ist" element={<PlanVsActualPage />} />
        <Route path="/verwendungsnachweis" element={<ProofOfUsePage />} />
        <Route path="/kalender" element={<CalendarPage />} />
        <Route path="/datenschutz" element={<PrivacyPage />} />
        <Route path="/sicherungen" element={<BackupsPage />} />
        <Route path="/import/:resource" element={<ImportPage />} />
        <Route path="/benachrichtigungen/einstellungen" element={<ReminderSettingsPage />} />
      </CustomRoutes>
    </Admin>
  );
}
