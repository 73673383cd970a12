/** Signing in and out (POST/GET/DELETE /api/session). */
import { api, setCsrfToken } from './http';
import type { SessionInfo } from './types';

export async function signIn(email: string, password: string): Promise<SessionInfo> {
  const session = await api<SessionInfo>('/api/session', { method: 'POST', body: { email, password }, quietUnauthorized: true });
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or null when there is none (no cookie, or expired). */
export async function currentSession(): Promise<SessionInfo | null> {
  try {
    const session = await api<SessionInfo>('/api/session', { quietUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof Error && 'status' in error && (error as { status: number }).status === 401) return null;
    throw error;
  }
}

export async function signOut(): Promise<void> {
  try {
    await api<void>('/api/session', { method: 'DELETE', quietUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}
