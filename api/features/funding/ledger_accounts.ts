import { defineResource } from '../../rest/resource';
import plain from './ledger_accounts.fields';

export default defineResource(plain);
