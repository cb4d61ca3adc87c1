import type { SvgIconComponent } from '@mui/icons-material';
import BackupIcon from '@mui/icons-material/Backup';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import LockResetIcon from '@mui/icons-material/LockReset';
import PrivacyTipIcon from '@mui/icons-material/PrivacyTip';
import ShowChartIcon from '@mui/icons-material/ShowChart';
import SummarizeIcon from '@mui/icons-material/Summarize';
import { ROLES, type Role } from '../../../api/domain';
import { can, readersOf, type ResourceName } from '../auth/access';

/** A menu entry: a resource's list, or a custom page with the roles that may open it. */
export type MenuEntry = (
  { resource: ResourceName } | { to: string; label: string; icon: SvgIconComponent; roles: readonly Role[] }
) & {
  /** Roles that may read it but have no use for it in their work (kept out of their menu, still reachable). */
  unusedBy?: readonly Role[];
};

/** A guide logs contacts and follows what runs in her municipalities; lookup tables and accounts are not hers. */
const NOT_FOR_GUIDES: readonly Role[] = ['guide'];

export interface MenuGroup {
  label: string;
  entries: MenuEntry[];
}

const fundingReaders = readersOf('grants');

export const MENU_GROUPS: MenuGroup[] = [
  {
    label: 'app.menu.portfolio',
    entries: [
      { resource: 'measures' },
      { resource: 'milestones' },
      { resource: 'indicators' },
      { resource: 'municipalities' },
      { resource: 'partners' },
      { resource: 'fields_of_action', unusedBy: NOT_FOR_GUIDES },
    ],
  },
  {
    label: 'app.menu.funding',
    entries: [
      { resource: 'grants' },
      { resource: 'grant_years' },
      { resource: 'tranches' },
      { resource: 'expenditures' },
      { resource: 'transfers' },
      { resource: 'base_rates' },
      // The account mapping of the bookings import: set up by the funding staff, of no use to those who only read.
      { resource: 'ledger_accounts', unusedBy: ['steering', 'viewer'] },
    ],
  },
  { label: 'app.menu.contacts', entries: [{ resource: 'contacts' }] },
  {
    label: 'app.menu.reports',
    entries: [
      { resource: 'status_reports' },
      // The compound with a soft hyphen, so it wraps in the narrow sidebar.
      { to: '/mta', label: 'app.menu.trend_short', icon: ShowChartIcon, roles: ROLES },
      { to: '/fristen', label: 'app.menu.deadlines', icon: EventBusyIcon, roles: fundingReaders },
      { to: '/foerderbericht', label: 'app.menu.funding_report', icon: SummarizeIcon, roles: fundingReaders },
      { to: '/soll-ist', label: 'app.menu.plan_vs_actual', icon: CompareArrowsIcon, roles: fundingReaders },
      {
        to: '/verwendungsnachweis',
        label: 'app.menu.proof_of_use',
        icon: FactCheckIcon,
        roles: fundingReaders,
      },
      { to: '/kalender', label: 'app.menu.calendar', icon: CalendarMonthIcon, roles: ROLES },
    ],
  },
  {
    label: 'app.menu.admin',
    entries: [
      { resource: 'users', unusedBy: NOT_FOR_GUIDES },
      { resource: 'guide_municipalities', unusedBy: NOT_FOR_GUIDES },
      { resource: 'audit_entries' },
      { to: '/datenschutz', label: 'app.menu.privacy', icon: PrivacyTipIcon, roles: ['cdo'] },
      { to: '/sicherungen', label: 'app.menu.backups', icon: BackupIcon, roles: ['cdo'] },
      { resource: 'mail_outbox' },
      // Also in the user menu, where a guide finds it.
      {
        to: '/passwort',
        label: 'app.auth.change_password',
        icon: LockResetIcon,
        roles: ROLES,
        unusedBy: NOT_FOR_GUIDES,
      },
    ],
  },
];

export function visibleEntries(group: MenuGroup, role: Role | undefined): MenuEntry[] {
  return group.entries.filter(
    (e) =>
      !(role && e.unusedBy?.includes(role)) &&
      ('resource' in e ? can(role, e.resource, 'read') : !!role && e.roles.includes(role)),
  );
}
