import CloseIcon from '@mui/icons-material/Close';
import SearchIcon from '@mui/icons-material/Search';
import {
  Box,
  CircularProgress,
  Dialog,
  IconButton,
  InputAdornment,
  Paper,
  Popper,
  TextField,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import { useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import { SearchResults } from './SearchResults';
import { useSearch } from './useSearch';

function SearchField({
  text,
  onText,
  busy,
  onEscape,
  resultsId,
  autoFocus,
}: {
  text: string;
  onText: (t: string) => void;
  busy: boolean;
  onEscape: () => void;
  /** The results' id, only while they are shown (aria-controls must name an element that exists). */
  resultsId?: string;
  autoFocus?: boolean;
}) {
  const translate = useTranslate();
  return (
    <TextField
      type="search"
      variant="outlined"
      size="small"
      fullWidth
      sx={{ '& .MuiInputBase-root': { bgcolor: 'common.white', color: 'grey.900', borderRadius: 1 } }}
      autoFocus={autoFocus}
      value={text}
      onChange={(e) => onText(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && onEscape()}
      placeholder={translate('app.search.placeholder')}
      slotProps={{
        htmlInput: { 'aria-label': translate('app.search.label'), 'aria-controls': resultsId },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              {busy ? (
                <CircularProgress size={18} color="inherit" aria-label={translate('app.common.loading')} />
              ) : (
                <SearchIcon fontSize="small" />
              )}
            </InputAdornment>
          ),
        },
      }}
    />
  );
}

/**
 * The app bar's search over measures, milestones, partners, contacts, grants and tranches (what the role may
 * read): a field with the hits below it on a desktop; on a phone a search button that opens a full-screen
 * search, so the header stays slim.
 */
export function AppSearch() {
  const translate = useTranslate();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [anchor, setAnchor] = useState<HTMLDivElement | null>(null);
  const resultsId = useId();
  const search = useSearch(text);
  const close = () => {
    setOpen(false);
    setText('');
  };
  const results = search.enabled && search.data && (
    <Box
      id={resultsId}
      role="region"
      aria-label={translate('app.search.results')}
      aria-live="polite"
      sx={{ color: 'text.primary', bgcolor: 'background.paper' }}
    >
      <SearchResults groups={search.data.groups} onPick={close} />
    </Box>
  );
  if (phone)
    return (
      <>
        <IconButton color="inherit" aria-label={translate('app.search.label')} onClick={() => setOpen(true)}>
          <SearchIcon />
        </IconButton>
        <Dialog
          fullScreen
          open={open}
          onClose={close}
          slotProps={{ paper: { 'aria-label': translate('app.search.label') } }}
        >
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', p: 1 }}>
            <SearchField
              text={text}
              onText={setText}
              busy={search.isFetching}
              onEscape={close}
              resultsId={results ? resultsId : undefined}
              autoFocus
            />
            <IconButton aria-label={translate('ra.action.close')} onClick={close}>
              <CloseIcon />
            </IconButton>
          </Box>
          {results}
        </Dialog>
      </>
    );
  return (
    <Box
      ref={setAnchor}
      sx={{
        width: { md: 240, lg: 300 },
        mx: 1,
      }}
      onFocus={() => setOpen(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
    >
      <SearchField
        text={text}
        onText={(t) => {
          setText(t);
          setOpen(true);
        }}
        busy={search.isFetching}
        onEscape={close}
        resultsId={results ? resultsId : undefined}
      />
      <Popper
        open={open && !!results}
        anchorEl={anchor}
        placement="bottom-end"
        disablePortal
        sx={{ zIndex: (theme) => theme.zIndex.modal }}
      >
        <Paper
          elevation={8}
          sx={{ width: 420, maxWidth: '90vw', maxHeight: '70vh', overflow: 'auto', mt: 0.5 }}
          onMouseDown={(e) => e.preventDefault()}
        >
          {results}
        </Paper>
      </Popper>
    </Box>
  );
}
