import { Registry } from 'prom-client';

/** The process's one metrics registry (prom-client's global one is left alone). */
export const registry = new Registry();
