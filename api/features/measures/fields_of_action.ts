import { z } from 'zod';
import { text } from '../../rest/fields';
import { defineResource } from '../../rest/resource';
import { ACCESS } from '../access';

const colour = text(7, { required: true });

export default defineResource({
  name: 'fields_of_action',
  description: 'Die zehn Handlungsfelder der Strategie.',
  fields: {
    name: text(60, { required: true, filter: true, sort: true }),
    colour: {
      ...colour,
      schema: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: () => 'Farbe als #RRGGBB angeben' }),
    },
  },
  search: { ilike: ['name'] },
  defaultSort: ['name', 'ASC'],
  access: ACCESS.reference,
});
