import type { RequestHandler, Router } from 'express';

/** "measures" for /measures/7/trend; lower case, as routes match case-insensitively. */
export const firstSegment = (path: string): string => path.split('/', 2)[1]!.toLowerCase();

/**
 * Enters `router` only for a path whose first segment one of its routes starts with. A list request passed through
 * every extra module's router and tested each route's pattern on the way (≈ 55 patterns per request).
 */
export function onlyForItsSegments(router: Router): RequestHandler {
  const segments = new Set(
    router.stack.flatMap((layer) => {
      if (!layer.route) return [];
      const segment = typeof layer.route.path === 'string' ? firstSegment(layer.route.path) : '';
      if (!/^[a-z0-9_.-]+$/.test(segment))
        throw new Error(`Route ${String(layer.route.path)}: its first segment must be fixed text.`);
      return [segment];
    }),
  );
  return (req, res, next) => {
    if (segments.has(firstSegment(req.path))) router(req, res, next);
    else next();
  };
}
