import TranslateIcon from '@mui/icons-material/Translate';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { useLocaleState, useLocales, useUserMenu } from 'react-admin';

/** The languages as entries of the user menu (on a phone, where the header has no room for the button). */
export function LanguageMenuItems() {
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const userMenu = useUserMenu();
  return (
    <>
      {locales.map((l) => (
        <MenuItem
          key={l.locale}
          selected={l.locale === locale}
          lang={l.locale}
          onClick={() => {
            setLocale(l.locale);
            userMenu?.onClose();
          }}
        >
          <ListItemIcon>
            <TranslateIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{l.name}</ListItemText>
        </MenuItem>
      ))}
    </>
  );
}
