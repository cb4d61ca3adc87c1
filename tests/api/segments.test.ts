import express, { Router } from 'express';
import request from 'supertest';
import { onlyForItsSegments } from '../../api/http/segments';

/** An extra module's router is entered only for its own first path segments, as Express would match them. */
describe('onlyForItsSegments', () => {
  const entered: string[] = [];
  const reports = Router();
  reports.use('/reports', (req, _res, next) => {
    entered.push(req.path);
    next();
  });
  reports.get('/reports/funding.xlsx', (_req, res) => res.send('xlsx'));
  reports.get('/deadlines', (_req, res) => res.send('deadlines'));
  const app = express();
  app.use(onlyForItsSegments(reports));
  app.use((req, res) => res.status(404).send(`next: ${req.path}`));

  beforeEach(() => entered.splice(0));

  it('serves its routes, whatever the case of the path, with its path middleware', async () => {
    expect((await request(app).get('/reports/funding.xlsx')).text).toBe('xlsx');
    expect((await request(app).get('/REPORTS/Funding.xlsx')).text).toBe('xlsx');
    expect((await request(app).get('/deadlines')).text).toBe('deadlines');
    expect(entered).toEqual(['/funding.xlsx', '/Funding.xlsx']);
  });

  it('passes every other path on without entering the router', async () => {
    expect((await request(app).get('/measures')).text).toBe('next: /measures');
    expect((await request(app).get('/reportsx/funding.xlsx')).text).toBe('next: /reportsx/funding.xlsx');
    // Its own segment with a path it has no route for still reaches the next handler.
    expect((await request(app).get('/reports/unknown')).text).toBe('next: /reports/unknown');
    expect(entered).toEqual(['/unknown']);
  });

  it('refuses at start-up a route whose first segment is not fixed text', () => {
    const open = Router();
    open.get('/:resource/export', (_req, res) => res.end());
    expect(() => onlyForItsSegments(open)).toThrow('/:resource/export');
  });
});
