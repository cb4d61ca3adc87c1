import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { Link } from 'react-router';
import { useTranslate } from 'react-admin';
import { useUnreadCount } from './useUnreadCount';

/** The bell in the app bar: the number of unread notifications; a click opens the list. */
export function NotificationBell() {
  const translate = useTranslate();
  const unread = useUnreadCount() ?? 0;
  const label = translate('app.reminders.bell', { count: unread });
  return (
    <Tooltip title={label}>
      <IconButton
        color="inherit"
        component={Link}
        to="/notifications"
        aria-label={label}
        data-testid="notification-bell"
      >
        <Badge badgeContent={unread} color="error" max={99}>
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
