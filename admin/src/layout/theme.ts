import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** Whoever asks the system for less motion gets menus, dialogs and buttons without animations (WCAG 2.3.3). */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
const instant = {
  shortest: 0,
  shorter: 0,
  short: 0,
  standard: 0,
  complex: 0,
  enteringScreen: 0,
  leavingScreen: 0,
};

/**
 * Dark teal primary and dark blue app bar: both reach more than 7:1 against white text
 * (WCAG 2.1 AA asks for 4.5:1), so buttons, links and the bar stay readable.
 */
export const theme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    ...defaultLightTheme.palette,
    primary: { main: '#00565f', contrastText: '#ffffff' },
    secondary: { main: '#1d3557', contrastText: '#ffffff' },
    error: { main: '#b3261e' },
    warning: { main: '#8a5300' },
    success: { main: '#1b6b2f' },
  },
  sidebar: { width: 240, closedWidth: 55 },
  ...(reducedMotion && {
    transitions: { create: () => 'none', duration: instant, getAutoHeightDuration: () => 0 },
  }),
  components: {
    ...defaultLightTheme.components,
    ...(reducedMotion && { MuiButtonBase: { defaultProps: { disableRipple: true } } }),
    // Long German menu labels wrap instead of being cut off.
    // react-admin puts a row checkbox's aria-label on the wrapper; it belongs on the input (WCAG 4.1.2).
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: () => ({ 'aria-label': undefined }),
          input: (ownerState: { 'aria-label'?: string }) => ({ 'aria-label': ownerState['aria-label'] }),
        },
      },
    },
    // Compact cells; a table still too wide scrolls inside its card instead of widening the page.
    RaDataTable: {
      styleOverrides: {
        root: {
          '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
          '& .MuiTableCell-sizeSmall': { paddingLeft: 6, paddingRight: 6 },
        },
      },
    },
    // Flex items may shrink below their content's width, so the table wrapper above can scroll.
    RaLayout: {
      styleOverrides: {
        root: {
          minWidth: 0,
          '& .RaLayout-content, & .RaList-main, & .RaShow-main, & .RaEdit-main, & .RaCreate-main': {
            minWidth: 0,
          },
        },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          minHeight: 36,
          paddingTop: 4,
          paddingBottom: 4,
          '& .MuiTypography-root': { whiteSpace: 'normal' },
        },
      },
    },
    // On a phone the language button shows only its name, leaving room for the page title.
    RaLocalesMenuButton: {
      styleOverrides: {
        root: { '@media (max-width: 599.95px)': { '& .MuiButton-startIcon': { display: 'none' } } },
      },
    },
  },
};
