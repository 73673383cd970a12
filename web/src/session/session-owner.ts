/**
 * Whose choices sessionStorage holds: when someone else signs in on this tab, the
 * previous user's wizard choices are dropped rather than shown to them (X2).
 */
const OWNER_KEY = 'liaison.sessionOwner';
const WIZARD_KEY = 'liaison.wizard';

export function claimSessionStorage(userId: number): void {
  const owner = sessionStorage.getItem(OWNER_KEY);
  if (owner !== null && owner !== String(userId)) sessionStorage.removeItem(WIZARD_KEY);
  sessionStorage.setItem(OWNER_KEY, String(userId));
}
