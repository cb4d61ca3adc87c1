import { DataTable, type DataTableColumnProps } from 'react-admin';
import { MoneyField } from './MoneyField';
import { PercentField } from './PercentField';

type ColProps = Omit<DataTableColumnProps, 'field' | 'align'> & { source: string };

/** A right-aligned column of integer cents shown as euros. */
export const MoneyCol = (props: ColProps) => <DataTable.Col align="right" field={MoneyField} {...props} />;

/** A right-aligned column of basis points shown as a percentage. */
export const PercentCol = (props: ColProps) => (
  <DataTable.Col align="right" field={PercentField} {...props} />
);
