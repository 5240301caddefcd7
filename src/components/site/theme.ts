/** The colour themes a reader can choose; 'auto' follows the operating system. */
export type Theme = 'auto' | 'light' | 'dark';

const STORAGE_KEY = 'al-theme';

/** Any stored or chosen value as a valid theme ('auto' when unknown). */
export function toTheme(value: unknown): Theme {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

/** The reader's saved theme; storage can be unavailable (private mode, file://), which means auto. */
export function readTheme(): Theme {
  try {
    return toTheme(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'auto';
  }
}

/** Remembers the reader's choice and returns it as a valid theme. */
export function saveTheme(value: string): Theme {
  const theme = toTheme(value);
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Without storage the choice lasts for this page only.
  }
  return theme;
}

/** Sets the theme on the root element; tokens.css switches color-scheme from it. */
export function applyTheme(theme: Theme): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  document.dispatchEvent(new CustomEvent('al-themechange', { detail: theme }));
}

/**
 * Points the browser's frame colour (the two `theme-color` metas in BaseLayout, one per colour
 * scheme) at the theme the reader forced, so an installed course's title bar matches the page.
 */
export function applyThemeColour(theme: Theme): void {
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"][data-scheme]')) {
    const scheme = meta.dataset.scheme;
    meta.media = theme === 'auto' ? `(prefers-color-scheme: ${scheme})` : theme === scheme ? 'all' : 'not all';
  }
}
