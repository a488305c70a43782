/**
 * One polite live region for the whole pane: after each action the pane says what happened
 * ("Đã chèn đoạn AI sau đoạn 50"), so a screen-reader user hears the result without hunting for
 * it. Saying the same sentence twice still announces it (the text is cleared first).
 */
import { makeStyles } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce>(() => undefined);

const useStyles = makeStyles({
  // Visually hidden, still read by screen readers.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export function AnnouncerProvider({ children }: { readonly children: ReactNode }): ReactNode {
  const styles = useStyles();
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announce = useCallback<Announce>((next) => {
    setMessage('');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(next), 50);
  }, []);
  // A pane closed within those 50 ms says nothing more (and sets no state on an unmounted tree).
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className={styles.hidden} aria-live="polite" aria-atomic="true" data-testid="pane-announcer">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}

/** Moves focus to an element once it is rendered (after React commits the new content). */
export function focusSoon(find: () => HTMLElement | null | undefined, tries = 60): void {
  const attempt = (left: number): void => {
    // The pane's page is gone (its frame closed, or a test's window torn down): nothing to focus.
    if (typeof document === 'undefined') return;
    const el = find();
    if (el) {
      el.focus();
      return;
    }
    if (left > 0) setTimeout(() => attempt(left - 1), 50);
  };
  setTimeout(() => attempt(tries), 0);
}

/** The first control a person would use inside `root` (a field, a radio, a button). */
export function firstControl(root: Element | null | undefined): HTMLElement | null {
  if (!root) return null;
  const checked = root.querySelector<HTMLElement>('input[type="radio"]:checked:not([disabled])');
  if (checked) return checked;
  return root.querySelector<HTMLElement>(
    'input:not([type="hidden"]):not([disabled]):not([hidden]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex="0"]',
  );
}
