import { createContext, useContext } from 'react';
import type { Me } from '../types';

export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession outside the console');
  return me;
}

export const can = (me: Me, permission: string) => me.permissions.includes(permission);
