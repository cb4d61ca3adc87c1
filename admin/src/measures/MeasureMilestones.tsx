import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import { Box, Button, IconButton, Paper, Typography } from '@mui/material';
import { createContext, useContext, useState } from 'react';
import {
  CreateBase,
  DataTable,
  EditBase,
  Form,
  SaveButton,
  Toolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { useCan } from '../auth/useCan';
import { RelatedList } from '../common/RelatedList';
import { useSaveErrorHandler } from '../common/useSaveErrorHandler';
import { MilestoneInputs } from '../milestones/MilestoneInputs';
import { MilestoneTable } from '../milestones/MilestoneTable';
import { SaveAndAddButton } from '../milestones/SaveAndAddButton';

type Editing = { mode: 'create' } | { mode: 'edit'; id: RaRecord['id'] } | null;

/** Opens the inline form for a row's milestone. */
const EditContext = createContext<(id: RaRecord['id']) => void>(() => undefined);

function EditCell() {
  const milestone = useRecordContext();
  const translate = useTranslate();
  const edit = useContext(EditContext);
  if (!milestone) return null;
  return (
    <IconButton
      size="small"
      aria-label={translate('app.milestones.edit_named', { title: String(milestone.title) })}
      onClick={(e) => {
        e.stopPropagation();
        edit(milestone.id);
      }}
    >
      <EditIcon fontSize="small" />
    </IconButton>
  );
}

function FormPanel({ title, children }: { title: string; children: React.ReactNode }) {
  const translate = useTranslate();
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={translate(title)}
      sx={{ p: 2, mb: 2, maxWidth: 720 }}
    >
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Paper>
  );
}

function CancelButton({ onClick }: { onClick: () => void }) {
  const translate = useTranslate();
  return <Button onClick={onClick}>{translate('ra.action.cancel')}</Button>;
}

/** A new milestone of the shown measure, entered on the measure's page; "Speichern" closes, the other keeps it open. */
function InlineCreate({ measureId, onClose }: { measureId: RaRecord['id']; onClose: () => void }) {
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <FormPanel title="app.milestones.add">
      <CreateBase
        resource="milestones"
        redirect={false}
        record={{ measure_id: measureId, is_final: false }}
        mutationOptions={{
          onSuccess: () => {
            notify('app.milestones.saved', { type: 'success' });
            refresh();
            onClose();
          },
        }}
      >
        <Form noValidate>
          <MilestoneInputs inline />
          <Toolbar sx={{ gap: 2, px: 0 }}>
            <SaveButton />
            <SaveAndAddButton />
            <CancelButton onClick={onClose} />
          </Toolbar>
        </Form>
      </CreateBase>
    </FormPanel>
  );
}

/** A milestone of the shown measure changed in place (pessimistic, with the version check of the API). */
function InlineEdit({ id, onClose }: { id: RaRecord['id']; onClose: () => void }) {
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useSaveErrorHandler();
  return (
    <FormPanel title="app.milestones.edit">
      <EditBase
        resource="milestones"
        id={id}
        redirect={false}
        mutationMode="pessimistic"
        mutationOptions={{
          onSuccess: () => {
            notify('app.milestones.saved', { type: 'success' });
            refresh();
            onClose();
          },
          onError,
        }}
      >
        <Form noValidate>
          <MilestoneInputs inline />
          <Toolbar sx={{ gap: 2, px: 0 }}>
            <SaveButton />
            <CancelButton onClick={onClose} />
          </Toolbar>
        </Form>
      </EditBase>
    </FormPanel>
  );
}

/**
 * The measure's milestones tab: the milestones, and for those who may write them a form right here to add several
 * in a row or change one, without leaving the measure.
 */
export function MeasureMilestones() {
  const record = useRecordContext();
  const translate = useTranslate();
  const writable = useCan('milestones', 'write');
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  if (!record) return null;
  return (
    <Box sx={{ width: '100%' }}>
      {writable && editing === null && (
        <Button
          startIcon={<AddIcon />}
          variant="contained"
          sx={{ mb: 2 }}
          onClick={() => setEditing({ mode: 'create' })}
        >
          {translate('app.milestones.add')}
        </Button>
      )}
      {editing?.mode === 'create' && <InlineCreate measureId={record.id} onClose={close} />}
      {editing?.mode === 'edit' && <InlineEdit key={String(editing.id)} id={editing.id} onClose={close} />}
      <EditContext.Provider value={(id) => setEditing({ mode: 'edit', id })}>
        <RelatedList reference="milestones" target="measure_id">
          <MilestoneTable related="measure_id">
            {writable && <DataTable.Col source="edit" label="ra.action.edit" field={EditCell} disableSort />}
          </MilestoneTable>
        </RelatedList>
      </EditContext.Provider>
    </Box>
  );
}
