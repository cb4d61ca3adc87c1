import { ListSubheader } from '@mui/material';
import { Menu, useSidebarState, useTranslate } from 'react-admin';
import { useRole } from '../auth/useCan';
import { MENU_GROUPS, visibleEntries } from './menuEntries';

/** The sidebar: the start page, then one headed group per area, each showing only what the role may read. */
export function AppMenu() {
  const role = useRole();
  const translate = useTranslate();
  const [open] = useSidebarState();
  return (
    <Menu>
      <Menu.DashboardItem primaryText={role === 'guide' ? 'app.menu.my_start' : 'app.menu.dashboard'} />
      {MENU_GROUPS.map((group) => {
        const entries = visibleEntries(group, role);
        if (!entries.length) return null;
        return (
          <li key={group.label} role="none">
            {open && (
              // The group's name reaches screen readers as the label of its list; the heading is for the eye.
              <ListSubheader
                component="div"
                aria-hidden
                disableSticky
                sx={{ lineHeight: '28px', mt: 0.5, color: 'text.secondary', bgcolor: 'transparent' }}
              >
                {translate(group.label)}
              </ListSubheader>
            )}
            <ul
              role="group"
              aria-label={translate(group.label)}
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {entries.map((e) =>
                'resource' in e ? (
                  <Menu.ResourceItem key={e.resource} name={e.resource} />
                ) : (
                  <Menu.Item key={e.to} to={e.to} primaryText={e.label} leftIcon={<e.icon />} />
                ),
              )}
            </ul>
          </li>
        );
      })}
    </Menu>
  );
}
