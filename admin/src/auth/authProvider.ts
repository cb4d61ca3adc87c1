import { HttpError, type AuthProvider, type UserIdentity } from 'react-admin';
import type { Role } from '../../../api/domain';
import { httpClient } from '../providers/httpClient';
import { canAccessRecord } from './access';

/** GET /api/auth/me */
export interface Me {
  id: number;
  email: string;
  name: string;
  role: Role;
  municipality_ids: number[];
}

export interface Identity extends UserIdentity, Omit<Me, 'id'> {}

// The signed-in user, kept between calls: getIdentity, getPermissions and canAccess need no request of their own.
let me: Me | undefined;
// On start, react-admin checks the session and asks for the role at the same moment: one request answers both.
let asking: Promise<Me> | undefined;

function fetchMe(): Promise<Me> {
  asking ??= httpClient('/api/auth/me')
    .then(({ json }) => (me = json as Me))
    .finally(() => (asking = undefined));
  return asking;
}

const currentUser = (): Promise<Me> => (me ? Promise.resolve(me) : fetchMe());

const statusOf = (error: unknown): number | undefined =>
  error instanceof HttpError ? error.status : (error as { status?: number } | null)?.status;

/** Thrown by login when the password was right and the second factor is asked for (the login page's next step). */
export const MFA_STEP = 'app.auth.mfa_step';
/** The "Sicherheit" page, where a user sets up (or resets) her second factor and sees her sessions. */
export const SECURITY_PATH = '/sicherheit';

/** GET /api/auth/mfa */
export interface MfaState {
  sso: boolean;
  setup_required: boolean;
  totp: boolean;
  enabled_at: string | null;
  recovery_codes_left: number;
}

const codeOf = (error: unknown): string | undefined =>
  error instanceof HttpError ? (error.body as { code?: string } | undefined)?.code : undefined;

export const authProvider: AuthProvider = {
  /** Step 1 with { email, password }; step 2 (after MFA_STEP) with { code } from the authenticator app. */
  async login(params: { email?: string; password?: string; code?: string }) {
    try {
      const { json } = params.code
        ? await httpClient('/api/auth/mfa', { method: 'POST', body: JSON.stringify({ code: params.code }) })
        : await httpClient('/api/auth/login', {
            method: 'POST',
            body: JSON.stringify({ email: params.email, password: params.password }),
          });
      if ((json as { mfa_required?: boolean }).mfa_required) throw new Error(MFA_STEP);
      me = json as Me;
    } catch (error) {
      // 401 in the user's language; 429 and others keep the server's German message.
      if (statusOf(error) === 401)
        throw new Error(params.code ? 'app.mfa.invalid_code' : 'app.auth.invalid_credentials');
      throw error;
    }
    // A role that must have a second factor goes to its set-up first.
    const { json } = await httpClient('/api/auth/mfa');
    return (json as MfaState).setup_required ? { redirectTo: SECURITY_PATH } : undefined;
  },
  async logout() {
    me = undefined;
    const answer = await httpClient('/api/auth/logout', { method: 'POST', body: '{}' }).catch(
      () => undefined,
    );
    // After single sign-on the browser also signs out at the identity provider.
    const endSession = (answer?.json as { end_session_url?: string } | undefined)?.end_session_url;
    if (endSession) {
      window.location.assign(endSession);
      return false;
    }
    return undefined;
  },
  async checkAuth() {
    await fetchMe();
  },
  async checkError(error: unknown) {
    // 401: the session is gone, so log out. 403 is a missing right: the caller shows the message instead.
    if (statusOf(error) === 401) {
      me = undefined;
      throw error;
    }
    // Nothing works before the second factor is set up: to its page, still signed in.
    if (statusOf(error) === 403 && codeOf(error) === 'mfa_setup_required')
      throw { logoutUser: false, redirectTo: SECURITY_PATH, message: false };
  },
  async getIdentity(): Promise<Identity> {
    const user = await currentUser();
    return { ...user, fullName: user.name };
  },
  async getPermissions() {
    return (await currentUser()).role;
  },
  async canAccess({ resource, action, record }) {
    return canAccessRecord(
      await currentUser(),
      resource,
      action,
      record as Record<string, unknown> | undefined,
    );
  },
};
