import { defineResource } from '../../rest/resource';
import plain from './mail_outbox.fields';

/** Read-only for the CDO; rows are written by the reminder run and the mail delivery only. */
export default defineResource({ ...plain });
