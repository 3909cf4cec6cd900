/**
 * Every page has exactly one <h1>, its title (WCAG 2.4.6; a screen reader's first jump).
 * The portal's and the console's layouts draw it from where the user is (the menu entry's
 * name); a page that knows a better title (a person's name, a document's title) draws its
 * own with <PageTitle>, and the layout's stands aside while it is shown.
 */
import { createContext, useContext, useLayoutEffect, useState, type CSSProperties, type ReactNode } from 'react';

/** How the pages tell the layout that they draw their own <h1>: +1 when one is shown, -1 when it goes. */
const HeadingClaims = createContext<(delta: number) => void>(() => {});

function useClaimHeading() {
  const claim = useContext(HeadingClaims);
  useLayoutEffect(() => {
    claim(1);
    return () => claim(-1);
  }, [claim]);
}

/** The page's title as its one <h1>, in the size of a card's title (where pages put it). */
export function PageTitle({ children, className, style }: { children: ReactNode; className?: string; style?: CSSProperties }) {
  useClaimHeading();
  return (
    <h1 className={className} style={className ? style : { fontSize: 16, fontWeight: 600, margin: 0, ...style }}>
      {children}
    </h1>
  );
}

/**
 * The layout's part: its children (the routes), and above them `title` as the <h1> unless a
 * page below has claimed the heading.
 */
export function HeadingProvider({ title, children }: { title: ReactNode; children: ReactNode }) {
  const [claims, setClaims] = useState(0);
  const [claim] = useState(() => (delta: number) => setClaims((n) => n + delta));
  return (
    <HeadingClaims.Provider value={claim}>
      {claims === 0 && (
        <h1 className="no-print" style={{ fontSize: 20, fontWeight: 600, margin: '0 0 16px' }} data-testid="page-title">
          {title}
        </h1>
      )}
      {children}
    </HeadingClaims.Provider>
  );
}
