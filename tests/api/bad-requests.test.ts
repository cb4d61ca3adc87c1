import type { Role } from '../../api/domain';
import { DEMO_EMAIL, testApp, type TestApp } from '../support/app';
import { dbChecksum } from '../support/checksum';
import { createBody, type Body } from '../support/fixtures';

/**
 * Bad input of every kind, over all resources: each answers a 4xx (never a 5xx) with a clear JSON message that
 * leaks no SQL or library internals, names the field at fault, and leaves the database exactly as it was.
 */

type Who = Role | 'guide2';

interface Ctx {
  /** A valid create body with overrides. */
  body(resource: string, overrides?: Body): Promise<Body>;
  /** The record as GET answers it (version included), with overrides: what react-admin's edit form sends. */
  record(resource: string, id: number, overrides?: Body): Promise<Body>;
  id(table: string, where?: Body): Promise<number>;
}

interface Case {
  label: string;
  as?: Who;
  method: 'get' | 'post' | 'put' | 'delete';
  path: string | ((c: Ctx) => Promise<string>);
  body?: (c: Ctx) => Promise<unknown>;
  /** Sent as is with Content-Type application/json (malformed JSON). */
  raw?: string;
  contentType?: string;
  status: number;
  /** The field the answer must name in `errors`; '*' = some field. */
  field?: string;
}

/** A list URL with JSON query parameters, encoded like ra-data-simple-rest does. */
const list = (
  resource: string,
  params: { filter?: unknown; sort?: unknown; range?: unknown; raw?: string },
) => {
  const parts = Object.entries(params)
    .filter(([k]) => k !== 'raw')
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`);
  if (params.raw) parts.push(params.raw);
  return `/api/${resource}?${parts.join('&')}`;
};

const long = (n: number) => 'x'.repeat(n);

const CASES: Case[] = [
  // ---- list parameters: filter ----
  {
    label: 'filter on an undeclared field',
    method: 'get',
    path: list('measures', { filter: { nope: 1 } }),
    status: 400,
  },
  {
    label: 'filter on a declared but unfilterable field',
    method: 'get',
    path: list('measures', { filter: { summary: 'x' } }),
    status: 400,
  },
  {
    label: 'filter with a typo in a scope field',
    method: 'get',
    path: list('contacts', { filter: { municipalty_id: 1 } }),
    status: 400,
  },
  {
    label: 'filter that is malformed JSON',
    method: 'get',
    path: list('measures', { filter: '{"status":' }),
    status: 400,
  },
  {
    label: 'filter that is a JSON array',
    method: 'get',
    path: list('measures', { filter: '[1,2]' }),
    status: 400,
  },
  {
    label: 'filter that is a JSON string',
    method: 'get',
    path: list('measures', { filter: '"planning"' }),
    status: 400,
  },
  {
    label: 'filter with an operator object',
    method: 'get',
    path: list('measures', { filter: { id: { $gt: 0 } } }),
    status: 400,
  },
  {
    label: 'filter with an object for a text field',
    method: 'get',
    path: list('measures', { filter: { code: { $ne: null } } }),
    status: 400,
  },
  {
    label: 'filter with a wrong type (text for an integer)',
    method: 'get',
    path: list('measures', { filter: { progress: 'abc' } }),
    status: 400,
  },
  {
    label: 'filter with a fractional id',
    method: 'get',
    path: list('measures', { filter: { id: 1.5 } }),
    status: 400,
  },
  {
    label: 'filter with an unknown enum value',
    method: 'get',
    path: list('measures', { filter: { status: 'done' } }),
    status: 400,
  },
  {
    label: 'filter with an impossible date 2026-02-30',
    method: 'get',
    path: list('milestones', { filter: { due_date: '2026-02-30' } }),
    status: 400,
  },
  {
    label: 'filter _gte with a non-date',
    method: 'get',
    path: list('milestones', { filter: { due_date_gte: 'gestern' } }),
    status: 400,
  },
  {
    label: 'filter _lte on an enum field',
    method: 'get',
    path: list('measures', { filter: { status_lte: 'planning' } }),
    status: 400,
  },
  {
    label: 'filter with a non-boolean for a boolean',
    method: 'get',
    path: list('milestones', { filter: { is_final: 'vielleicht' } }),
    status: 400,
  },
  {
    label: 'filter value out of the integer range',
    method: 'get',
    path: list('contacts', { filter: { municipality_id: 99_999_999_999 } }),
    status: 400,
  },
  {
    label: 'filter with a NUL character in a text',
    method: 'get',
    path: list('partners', { filter: { city: 'Ma\u0000yen' } }),
    status: 400,
  },
  {
    label: 'search with a NUL character',
    method: 'get',
    path: list('partners', { filter: { q: 'Ma\u0000yen' } }),
    status: 400,
  },
  {
    label: 'filter with more than 1000 ids',
    method: 'get',
    path: list('measures', { filter: { id: Array.from({ length: 1001 }, (_, i) => i + 1) } }),
    status: 400,
  },
  {
    label: 'filter with a non-integer inside an id array',
    method: 'get',
    path: list('measures', { filter: { id: [1, 'x'] } }),
    status: 400,
  },
  {
    label: 'filter on the password hash of users',
    method: 'get',
    path: list('users', { filter: { password_hash: 'x' } }),
    status: 400,
  },
  {
    label: 'filter with a __proto__ key',
    method: 'get',
    path: list('measures', { filter: '{"__proto__":{"x":1}}' }),
    status: 400,
  },
  {
    label: 'filter given twice',
    method: 'get',
    path: list('measures', { filter: {}, raw: 'filter=%7B%7D' }),
    status: 400,
  },
  {
    label: 'q longer than 200 characters',
    method: 'get',
    path: list('measures', { filter: { q: long(201) } }),
    status: 400,
  },
  {
    label: 'q that is not a string',
    method: 'get',
    path: list('measures', { filter: { q: 5 } }),
    status: 400,
  },
  {
    label: 'q on a resource without search',
    method: 'get',
    path: list('milestone_forecasts', { filter: { q: 'x' } }),
    status: 400,
  },
  {
    label: 'viewer filtering municipalities by last_contact_on (exact)',
    as: 'viewer',
    method: 'get',
    path: list('municipalities', { filter: { last_contact_on: '2026-11-02' } }),
    status: 400,
  },
  {
    label: 'viewer filtering municipalities by last_contact_on',
    as: 'viewer',
    method: 'get',
    path: list('municipalities', { filter: { last_contact_on_gte: '2026-01-01' } }),
    status: 400,
  },
  // ---- list parameters: sort ----
  {
    label: 'sort on an undeclared field',
    method: 'get',
    path: list('measures', { sort: ['nope', 'ASC'] }),
    status: 400,
  },
  {
    label: 'sort on an unsortable field',
    method: 'get',
    path: list('measures', { sort: ['summary', 'ASC'] }),
    status: 400,
  },
  {
    label: 'sort with an invalid direction',
    method: 'get',
    path: list('measures', { sort: ['title', 'SIDEWAYS'] }),
    status: 400,
  },
  {
    label: 'sort with SQL in the direction',
    method: 'get',
    path: list('measures', { sort: ['id', 'ASC; --'] }),
    status: 400,
  },
  {
    label: 'sort with SQL in the field',
    method: 'get',
    path: list('measures', { sort: ['title;DROP TABLE measures', 'ASC'] }),
    status: 400,
  },
  {
    label: 'sort that is malformed JSON',
    method: 'get',
    path: list('measures', { sort: '["title",' }),
    status: 400,
  },
  { label: 'sort with one element', method: 'get', path: list('measures', { sort: ['title'] }), status: 400 },
  {
    label: 'guide sorting measures by spent_cents',
    as: 'guide',
    method: 'get',
    path: list('measures', { sort: ['spent_cents', 'DESC'] }),
    status: 400,
  },
  {
    label: 'viewer sorting municipalities by open_follow_ups',
    as: 'viewer',
    method: 'get',
    path: list('municipalities', { sort: ['open_follow_ups', 'DESC'] }),
    status: 400,
  },
  // ---- list parameters: range ----
  { label: 'range reversed', method: 'get', path: list('measures', { range: [5, 1] }), status: 400 },
  { label: 'range starting below 0', method: 'get', path: list('measures', { range: [-1, 5] }), status: 400 },
  { label: 'range of strings', method: 'get', path: list('measures', { range: ['a', 'b'] }), status: 400 },
  {
    label: 'range with three numbers',
    method: 'get',
    path: list('measures', { range: [0, 24, 99] }),
    status: 400,
  },
  { label: 'range with a fraction', method: 'get', path: list('measures', { range: [0.5, 3] }), status: 400 },
  {
    label: 'range that is malformed JSON',
    method: 'get',
    path: list('measures', { range: '[0,' }),
    status: 400,
  },
  // ---- ids in the path ----
  { label: 'GET with a non-integer id', method: 'get', path: '/api/measures/abc', status: 400 },
  { label: 'GET with id 0', method: 'get', path: '/api/measures/0', status: 400 },
  { label: 'GET with id -1', method: 'get', path: '/api/measures/-1', status: 400 },
  { label: 'GET with a huge id', method: 'get', path: '/api/measures/99999999999999999999', status: 400 },
  { label: 'GET with a fractional id', method: 'get', path: '/api/measures/1.5', status: 400 },
  { label: 'GET with an unknown id', method: 'get', path: '/api/measures/999999', status: 404 },
  {
    label: 'PUT with a non-integer id',
    method: 'put',
    path: '/api/measures/abc',
    body: async (c) => c.record('measures', 1),
    status: 400,
  },
  {
    label: 'PUT with an unknown id',
    method: 'put',
    path: '/api/measures/999999',
    body: async (c) => c.record('measures', 1),
    status: 404,
  },
  { label: 'DELETE with id 0', method: 'delete', path: '/api/measures/0', status: 400 },
  { label: 'DELETE with an unknown id', method: 'delete', path: '/api/partners/999999', status: 404 },
  { label: 'an unknown resource', method: 'get', path: '/api/nope', status: 404 },
  // ---- bodies: shape ----
  { label: 'POST with malformed JSON', method: 'post', path: '/api/measures', raw: '{"code":', status: 400 },
  {
    label: 'POST with an array body',
    method: 'post',
    path: '/api/measures',
    body: async (c) => [await c.body('measures')],
    status: 400,
  },
  { label: 'POST with a JSON null body', method: 'post', path: '/api/measures', raw: 'null', status: 400 },
  {
    label: 'POST with an undeclared field',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { colour: 'blau' }),
    status: 400,
    field: 'colour',
  },
  {
    label: 'POST with a "constructor" field',
    method: 'post',
    path: '/api/partners',
    body: async (c) => c.body('partners', { constructor: 'x' }),
    status: 400,
    field: 'constructor',
  },
  {
    label: 'POST with a "__proto__" field',
    method: 'post',
    path: '/api/partners',
    raw: '{"name":"Proto GmbH","sector":"business","__proto__":{"admin":true}}',
    status: 400,
    field: '__proto__',
  },
  {
    label: 'POST with a "toString" field',
    method: 'post',
    path: '/api/milestones',
    body: async (c) => c.body('milestones', { toString: 'x' }),
    status: 400,
    field: 'toString',
  },
  {
    label: 'POST to a read-only resource',
    method: 'post',
    path: '/api/audit_entries',
    body: async () => ({ action: 'create', resource: 'measures', record_id: 1, changes: {} }),
    status: 403,
  },
  {
    label: 'POST as text/plain',
    method: 'post',
    path: '/api/partners',
    contentType: 'text/plain',
    raw: '{"name":"Text GmbH","sector":"business"}',
    status: 403,
  },
  {
    label: 'POST with a body over 1 MB',
    method: 'post',
    path: '/api/partners',
    body: async (c) => c.body('partners', { notes: long(1_100_000) }),
    status: 413,
  },
  // ---- bodies: values ----
  {
    label: 'text for an integer',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { progress: 'zehn' }),
    status: 400,
    field: 'progress',
  },
  {
    label: 'a progress above 100',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { progress: 101 }),
    status: 400,
    field: 'progress',
  },
  {
    label: 'a target picture of 4',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { target_picture: 4 }),
    status: 400,
    field: 'target_picture',
  },
  {
    label: 'an unknown status',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { status: 'done' }),
    status: 400,
    field: 'status',
  },
  {
    label: 'a title over 200 characters',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { title: long(201) }),
    status: 400,
    field: 'title',
  },
  {
    label: 'an impossible date 2026-02-30',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { start_date: '2026-02-30' }),
    status: 400,
    field: 'start_date',
  },
  {
    label: 'a month 13',
    method: 'post',
    path: '/api/milestones',
    body: async (c) => c.body('milestones', { baseline_date: '2026-13-01' }),
    status: 400,
    field: 'baseline_date',
  },
  {
    label: 'a German date format',
    method: 'post',
    path: '/api/milestones',
    body: async (c) => c.body('milestones', { due_date: '30.03.2025' }),
    status: 400,
    field: 'due_date',
  },
  {
    label: 'a datetime where a date is expected',
    method: 'post',
    path: '/api/milestones',
    body: async (c) => c.body('milestones', { due_date: '2026-03-30T10:00:00Z' }),
    status: 400,
    field: 'due_date',
  },
  {
    label: 'null for a required field',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { title: null }),
    status: 400,
    field: 'title',
  },
  {
    label: 'a required field missing',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { code: undefined }),
    status: 400,
    field: 'code',
  },
  {
    label: 'an empty required text',
    method: 'post',
    path: '/api/partners',
    body: async (c) => c.body('partners', { name: '   ' }),
    status: 400,
    field: 'name',
  },
  {
    label: 'a negative amount',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { budget_cents: -1 }),
    status: 400,
    field: 'budget_cents',
  },
  {
    label: 'a fractional amount of cents',
    method: 'post',
    path: '/api/expenditures',
    body: async (c) => c.body('expenditures', { amount_cents: 1.5 }),
    status: 400,
    field: 'amount_cents',
  },
  {
    label: 'an amount as a string',
    method: 'post',
    path: '/api/expenditures',
    body: async (c) => c.body('expenditures', { amount_cents: '100' }),
    status: 400,
    field: 'amount_cents',
  },
  {
    label: 'an amount as an array',
    method: 'post',
    path: '/api/expenditures',
    body: async (c) => c.body('expenditures', { amount_cents: ['1'] }),
    status: 400,
    field: 'amount_cents',
  },
  {
    label: 'an amount beyond exact integers',
    method: 'post',
    path: '/api/expenditures',
    body: async (c) => c.body('expenditures', { amount_cents: 2 ** 60 }),
    status: 400,
    field: 'amount_cents',
  },
  {
    label: 'a funding rate above 100 %',
    method: 'post',
    path: '/api/grants',
    body: async (c) => c.body('grants', { funding_rate_bp: 10_001 }),
    status: 400,
    field: 'funding_rate_bp',
  },
  {
    label: 'an end before the start',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { start_date: '2027-01-01', end_date: '2026-01-01' }),
    status: 400,
    field: 'end_date',
  },
  {
    label: 'a grant period ending before it starts',
    method: 'post',
    path: '/api/grants',
    body: async (c) => c.body('grants', { period_end: '2025-01-01' }),
    status: 400,
    field: 'period_end',
  },
  {
    label: 'a reference to a missing row',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { field_of_action_id: 999_999 }),
    status: 400,
    field: 'field_of_action_id',
  },
  {
    label: 'a reference id 0',
    method: 'post',
    path: '/api/milestones',
    body: async (c) => c.body('milestones', { measure_id: 0 }),
    status: 400,
    field: 'measure_id',
  },
  {
    label: 'a reference beyond the integer range',
    method: 'post',
    path: '/api/milestones',
    body: async (c) => c.body('milestones', { measure_id: 99_999_999_999 }),
    status: 400,
    field: 'measure_id',
  },
  {
    label: 'linked ids with a missing row',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { municipality_ids: [1, 999_999] }),
    status: 400,
    field: 'municipality_ids',
  },
  {
    label: 'linked ids that are not an array',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { municipality_ids: 1 }),
    status: 400,
    field: 'municipality_ids',
  },
  {
    label: 'a duplicate unique code',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures', { code: 'M-01' }),
    status: 400,
    field: 'code',
  },
  {
    label: 'a duplicate e-mail in other case',
    method: 'post',
    path: '/api/users',
    body: async (c) => c.body('users', { email: DEMO_EMAIL.cdo.toUpperCase() }),
    status: 400,
    field: 'email',
  },
  {
    label: 'a duplicate link pair',
    method: 'post',
    path: '/api/measure_municipalities',
    body: async (c) => ({
      measure_id: 1,
      municipality_id: ((await c.record('measures', 1)).municipality_ids as number[])[0],
    }),
    status: 400,
    field: '*',
  },
  {
    label: 'a duplicate grant year',
    method: 'post',
    path: '/api/grant_years',
    body: async (c) => ({ ...(await c.record('grant_years', await c.id('grant_years'))), id: undefined }),
    status: 400,
    field: '*',
  },
  {
    label: 'an unknown channel',
    method: 'post',
    path: '/api/contacts',
    body: async (c) => c.body('contacts', { channel: 'fax' }),
    status: 400,
    field: 'channel',
  },
  {
    label: 'an invalid e-mail',
    method: 'post',
    path: '/api/partners',
    body: async (c) => c.body('partners', { email: 'kein-at-zeichen' }),
    status: 400,
    field: 'email',
  },
  {
    label: 'a colour that is not #RRGGBB',
    method: 'post',
    path: '/api/fields_of_action',
    body: async (c) => c.body('fields_of_action', { colour: 'red' }),
    status: 400,
    field: 'colour',
  },
  {
    label: 'an unknown role',
    method: 'post',
    path: '/api/users',
    body: async (c) => c.body('users', { role: 'admin' }),
    status: 400,
    field: 'role',
  },
  {
    label: 'a too short password',
    method: 'post',
    path: '/api/users',
    body: async (c) => c.body('users', { password: 'kurz' }),
    status: 400,
    field: 'password',
  },
  {
    label: 'a text with a NUL character',
    method: 'post',
    path: '/api/partners',
    body: async (c) => c.body('partners', { notes: 'a\u0000b' }),
    status: 400,
    field: 'notes',
  },
  {
    label: 'a received amount above the requested one',
    method: 'post',
    path: '/api/tranches',
    body: async (c) =>
      c.body('tranches', {
        status: 'received',
        requested_on: '2026-03-01',
        received_on: '2026-03-15',
        received_cents: 2_000,
      }),
    status: 400,
    field: 'received_cents',
  },
  {
    label: 'a transfer to a municipality and a partner',
    method: 'post',
    path: '/api/transfers',
    body: async (c) => c.body('transfers', { partner_id: await c.id('partners') }),
    status: 400,
    field: 'municipality_id',
  },
  // ---- updates ----
  {
    label: 'PUT without version',
    method: 'put',
    path: '/api/measures/1',
    body: async (c) => c.record('measures', 1, { version: undefined, title: 'Ohne Version' }),
    status: 428,
  },
  {
    label: 'PUT with a stale version',
    method: 'put',
    path: '/api/measures/1',
    body: async (c) => {
      const r = await c.record('measures', 1);
      return { ...r, version: (r.version as number) - 1, title: 'Veraltet' };
    },
    status: 409,
  },
  {
    label: 'PUT with a version that is a string',
    method: 'put',
    path: '/api/measures/1',
    body: async (c) => {
      const r = await c.record('measures', 1);
      return { ...r, version: String(r.version) };
    },
    status: 400,
  },
  {
    label: 'PUT with an array body',
    method: 'put',
    path: '/api/measures/1',
    body: async (c) => [await c.record('measures', 1)],
    status: 400,
  },
  {
    label: 'PUT with null for a required field',
    method: 'put',
    path: '/api/measures/1',
    body: async (c) => c.record('measures', 1, { title: null }),
    status: 400,
    field: 'title',
  },
  {
    label: 'PUT with an undeclared field',
    method: 'put',
    path: '/api/milestones/1',
    body: async (c) => c.record('milestones', 1, { colour: 'blau' }),
    status: 400,
    field: 'colour',
  },
  {
    label: 'PUT with a reference to a missing row',
    method: 'put',
    path: '/api/milestones/1',
    body: async (c) => c.record('milestones', 1, { measure_id: 999_999 }),
    status: 400,
    field: 'measure_id',
  },
  {
    label: 'PUT of a tranche status backwards without a reason',
    method: 'put',
    path: async (c) => `/api/tranches/${await c.id('tranches', { status: 'settled' })}`,
    body: async (c) =>
      c.record('tranches', await c.id('tranches', { status: 'settled' }), { status: 'planned' }),
    status: 400,
    field: 'status',
  },
  // ---- deletes of referenced rows ----
  {
    label: 'DELETE of a field of action measures use',
    method: 'delete',
    path: '/api/fields_of_action/1',
    status: 409,
  },
  {
    label: 'DELETE of a partner linked to measures',
    method: 'delete',
    path: async (c) =>
      `/api/partners/${(await c.record('measure_partners', await c.id('measure_partners'))).partner_id}`,
    status: 409,
  },
  {
    label: 'DELETE of a grant with tranches',
    method: 'delete',
    path: async (c) => `/api/grants/${await c.id('grants')}`,
    status: 409,
  },
  {
    label: 'DELETE of a measure with expenditures',
    method: 'delete',
    path: async (c) =>
      `/api/measures/${(await c.record('expenditures', await c.id('expenditures'))).measure_id}`,
    status: 409,
  },
  {
    label: 'DELETE of a user who wrote contacts',
    method: 'delete',
    path: async (c) => `/api/users/${await c.id('users', { email: DEMO_EMAIL.guide })}`,
    status: 409,
  },
  // ---- roles and scope ----
  {
    label: 'viewer creating a measure',
    as: 'viewer',
    method: 'post',
    path: '/api/measures',
    body: async (c) => c.body('measures'),
    status: 403,
  },
  {
    label: 'funding staff changing a measure',
    as: 'funding',
    method: 'put',
    path: '/api/measures/1',
    body: async (c) => c.record('measures', 1, { title: 'Nicht erlaubt' }),
    status: 403,
  },
  { label: 'guide reading grants', as: 'guide', method: 'get', path: '/api/grants', status: 403 },
  { label: 'viewer reading contacts', as: 'viewer', method: 'get', path: '/api/contacts', status: 403 },
  {
    label: 'guide creating a contact for a municipality not hers',
    as: 'guide',
    method: 'post',
    path: '/api/contacts',
    body: async (c) =>
      c.body('contacts', { municipality_id: await c.id('municipalities', { name: 'Bendorf' }) }),
    status: 403,
  },
  {
    label: "guide changing another guide's contact",
    as: 'guide',
    method: 'put',
    path: async (c) =>
      `/api/contacts/${await c.id('contacts', { author_id: await c.id('users', { email: DEMO_EMAIL.guide2 }) })}`,
    body: async (c) =>
      c.record(
        'contacts',
        await c.id('contacts', { author_id: await c.id('users', { email: DEMO_EMAIL.guide2 }) }),
        { notes: 'fremd' },
      ),
    status: 403,
  },
  // ---- auth endpoints ----
  {
    label: 'login with an array body',
    method: 'post',
    path: '/api/auth/login',
    body: async () => [DEMO_EMAIL.cdo],
    status: 400,
  },
  {
    label: 'login with an operator object as e-mail',
    method: 'post',
    path: '/api/auth/login',
    body: async () => ({ email: { $ne: null }, password: 'x' }),
    status: 400,
  },
];

const LEAKS =
  /\bselect\b|\binsert\b|\bknex\b|\bpg\b|postgres|at \/|constraint|violates|relation "|sqlstate|\bstack\b/i;

let t: TestApp;
let ctx: Ctx;

beforeAll(async () => {
  t = await testApp();
  const cdo = await t.as('cdo');
  ctx = {
    body: async (resource, overrides = {}) => {
      const body = { ...(await createBody(t.db, resource)), ...overrides };
      for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete body[k];
      return body;
    },
    record: async (resource, id, overrides = {}) => {
      const res = await cdo.get(`/api/${resource}/${id}`);
      if (res.status !== 200) throw new Error(`GET ${resource}/${id}: ${res.status}`);
      const body = { ...(res.body as Body), ...overrides };
      for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete body[k];
      return body;
    },
    id: async (table, where = {}) => {
      const row = (await t.db(table).where(where).orderBy('id').first('id')) as { id: number } | undefined;
      if (!row) throw new Error(`no ${table} row for ${JSON.stringify(where)}`);
      return row.id;
    },
  };
});
afterAll(async () => t?.close());

describe('bad requests', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(CASES.map((c) => [`${c.method.toUpperCase()} ${c.label} → ${c.status}`, c] as const))(
    '%s',
    async (_name, c) => {
      const agent = await t.as(c.as ?? 'cdo');
      const path = typeof c.path === 'string' ? c.path : await c.path(ctx);
      const body = c.body ? await c.body(ctx) : undefined;
      const before = await dbChecksum(t.db);

      let req = agent[c.method](path);
      if (c.raw !== undefined) req = req.set('Content-Type', c.contentType ?? 'application/json').send(c.raw);
      else if (body !== undefined) req = req.send(body as object);
      const res = await req;

      expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: c.status });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(typeof res.body.message).toBe('string');
      expect(res.body.message.length).toBeGreaterThan(5);
      expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
      if (c.field === '*') expect(Object.keys(res.body.errors ?? {}).length).toBeGreaterThan(0);
      else if (c.field) expect(res.body.errors?.[c.field]).toEqual(expect.any(String));
      expect(await dbChecksum(t.db)).toEqual(before);
    },
  );
});
