import { Typography } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';

/** The signed-in user's role in words, beside the user menu that shows the name. */
export function RoleLabel() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity?.role) return null;
  return (
    <Typography variant="body2" sx={{ display: { xs: 'none', md: 'block' }, opacity: 0.9, ml: 1 }}>
      {translate(`app.enums.role.${identity.role as string}`)}
    </Typography>
  );
}
