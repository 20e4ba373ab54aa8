import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from '../../utils/api/console';
import type { ConsoleApi } from './api';

export interface ConsoleContextValue {
  api: ConsoleApi;
  session: Session;
}

export const ConsoleContext = createContext<ConsoleContextValue | null>(null);

/** The API client and the signed-in user, for every page. */
export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the signed-in console');
  return value;
}

export const isAdmin = (session: Session) => session.user.role === 'admin';
