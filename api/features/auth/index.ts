/** Sign-in, sessions and the same-origin check: mounted by app.ts ahead of everything else, so not a Feature. */
export { sameOriginWrites } from './csrf';
export { authRouter } from './routes';
export { currentUser, loadSession, requireUser, secondFactorGate } from './session';
