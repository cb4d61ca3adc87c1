import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useTranslate } from 'react-admin';

interface Props {
  /** Translation key of the app bar's title; also the heading unless `heading` is given. */
  title: string;
  heading?: string;
  /** The pickers, left. */
  controls: ReactNode;
  /** The download buttons, right; none until a grant is chosen. */
  downloads?: ReactNode;
  children: ReactNode;
}

/** The frame every funding report page shares: title, heading, the controls and downloads, then the report. */
export function ReportFrame({ title, heading = title, controls, downloads, children }: Props) {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={title} />
      <CardContent>
        <Typography component="h1" variant="h5" gutterBottom>
          {translate(heading)}
        </Typography>
        <Stack direction="row" sx={{ gap: 2, mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          {controls}
          <Box sx={{ flex: 1 }} />
          {downloads && (
            <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
              {downloads}
            </Stack>
          )}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}

/** A report's wide table: scrolls inside the page, its header stays in view. */
export function ReportTableBox({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ overflow: 'auto', maxHeight: 'max(320px, calc(100vh - 360px))', contain: 'inline-size' }}>
      {children}
    </Box>
  );
}
