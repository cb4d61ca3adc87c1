import { expectedValueSql, indicatorStateSql, latestValueSql } from './stateSql';

/**
 * The indicators of measure `m` with their state as of today, as a JSON array (IndicatorSnapshot[]), for the
 * status report's frozen snapshot: a report keeps the states it was issued with.
 */
export const indicatorsJsonSql = (m: string): string => `coalesce((
  select json_agg(json_build_object(
    'id', si.id, 'name', si.name, 'unit', si.unit, 'direction', si.direction,
    'baseline_value', si.baseline_value, 'target_value', si.target_value, 'target_date', si.target_date,
    'latest_value', sl.value, 'latest_measured_on', sl.measured_on,
    'expected_value', case when sl.measured_on is null then null else round(${expectedValueSql('si', 'sl.measured_on')}, 4) end,
    'state', ${indicatorStateSql('si')}
  ) order by si.name, si.id)
  from indicators si left join lateral (${latestValueSql('si')}) sl on true
  where si.measure_id = ${m}.id
), '[]'::json)`;
