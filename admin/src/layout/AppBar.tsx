import LockResetIcon from '@mui/icons-material/LockReset';
import { Typography } from '@mui/material';
import {
  AppBar as RaAppBar,
  Logout,
  MenuItemLink,
  TitlePortal,
  useGetIdentity,
  UserMenu,
  useTranslate,
} from 'react-admin';
import { RoleLabel } from './RoleLabel';

/** The user menu; its accessible name contains the name it shows (WCAG 2.5.3 "label in name"). */
function AppUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return (
    <UserMenu label={translate('app.auth.user_menu', { name: identity?.fullName ?? '' })}>
      <MenuItemLink to="/passwort" primaryText="app.auth.change_password" leftIcon={<LockResetIcon />} />
      <Logout />
    </UserMenu>
  );
}

/** App title, page title, role, language switch (react-admin's default toolbar) and the user menu. */
export function AppBar() {
  const translate = useTranslate();
  return (
    <RaAppBar userMenu={<AppUserMenu />} alwaysOn>
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
    </RaAppBar>
  );
}
