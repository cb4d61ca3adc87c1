import LockResetIcon from '@mui/icons-material/LockReset';
import NotificationsIcon from '@mui/icons-material/Notifications';
import SecurityIcon from '@mui/icons-material/Security';
import TuneIcon from '@mui/icons-material/Tune';
import { Divider, Typography, useMediaQuery, type Theme } from '@mui/material';
import {
  AppBar as RaAppBar,
  LoadingIndicator,
  LocalesMenuButton,
  Logout,
  MenuItemLink,
  TitlePortal,
  type MenuItemLinkProps,
  useGetIdentity,
  UserMenu,
  useTranslate,
  useUserMenu,
} from 'react-admin';
import { SECURITY_PATH } from '../auth/authProvider';
import { NotificationBell } from '../notifications/NotificationBell';
import { AppSearch } from '../search/AppSearch';
import { LanguageMenuItems } from './LanguageMenuItems';
import { RoleLabel } from './RoleLabel';

/** A page of the user menu: react-admin's MenuItemLink alone leaves the menu open (and the page inert) behind it. */
function UserMenuLink(props: MenuItemLinkProps) {
  const userMenu = useUserMenu();
  return <MenuItemLink {...props} onClick={() => userMenu?.onClose()} />;
}

const usePhone = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));

/**
 * The user menu; its accessible name contains the name it shows (WCAG 2.5.3 "label in name").
 * On a phone it also holds the language switch.
 */
function AppUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const phone = usePhone();
  return (
    // On a phone react-admin shows an icon button whose label must be a translation key (the name is not shown).
    <UserMenu
      label={
        phone
          ? 'app.auth.user_menu_short'
          : translate('app.auth.user_menu', { name: identity?.fullName ?? '' })
      }
    >
      <UserMenuLink
        to="/notifications"
        primaryText="app.menu.notifications"
        leftIcon={<NotificationsIcon />}
      />
      <UserMenuLink
        to="/benachrichtigungen/einstellungen"
        primaryText="app.menu.reminder_settings"
        leftIcon={<TuneIcon />}
      />
      <UserMenuLink to="/passwort" primaryText="app.auth.change_password" leftIcon={<LockResetIcon />} />
      <UserMenuLink to={SECURITY_PATH} primaryText="app.security.title" leftIcon={<SecurityIcon />} />
      {phone && <Divider />}
      {phone && <LanguageMenuItems />}
      {phone && <Divider />}
      <Logout />
    </UserMenu>
  );
}

/** The bell, the language button and the loading indicator; on a phone the languages move into the user menu. */
function AppToolbar() {
  const phone = usePhone();
  const translate = useTranslate();
  return (
    <>
      <NotificationBell />
      {!phone && <LocalesMenuButton />}
      {/* Its spinner (shown while any request runs, e.g. the bell's poll) needs a name for screen readers. */}
      <LoadingIndicator aria-label={translate('app.common.loading')} />
    </>
  );
}

/** App title, page title, role, search, language switch and the user menu. */
export function AppBar() {
  const translate = useTranslate();
  return (
    <RaAppBar userMenu={<AppUserMenu />} toolbar={<AppToolbar />} alwaysOn>
      <Typography
        component="span"
        variant="h6"
        noWrap
        sx={{ display: { xs: 'none', lg: 'block' }, fontWeight: 700, fontSize: '1.05rem', mr: 2 }}
      >
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="body1" sx={{ whiteSpace: { xs: 'normal', sm: 'nowrap' }, lineHeight: 1.25 }} />
      <RoleLabel />
      <AppSearch />
    </RaAppBar>
  );
}
