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

async function fetchMe(): Promise<Me> {
  const { json } = await httpClient('/api/auth/me');
  me = json as Me;
  return me;
}

const currentUser = (): Promise<Me> => (me ? Promise.resolve(me) : fetchMe());

const statusOf = (error: unknown): number | undefined =>
  error instanceof HttpError ? error.status : (error as { status?: number } | null)?.status;

export const authProvider: AuthProvider = {
  async login({ email, password }: { email: string; password: string }) {
    try {
      const { json } = await httpClient('/api/auth/login', {
        method: 'POST',
        body: JSON.stringify({ email, password }),
      });
      me = json as Me;
    } catch (error) {
      // 401 in the user's language; 429 and others keep the server's German message.
      if (statusOf(error) === 401) throw new Error('app.auth.invalid_credentials');
      throw error;
    }
  },
  async logout() {
    me = undefined;
    await httpClient('/api/auth/logout', { method: 'POST', body: '{}' }).catch(() => undefined);
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
