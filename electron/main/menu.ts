/**
 * The application menu, as a template the shell hands to `Menu.buildFromTemplate`. Electron's default menu has
 * Reload and Toggle Developer Tools (Ctrl+R, Ctrl+Shift+I): a reload would drop a juror's unsaved sheet, and the
 * developer tools would give anyone at the laptop a console inside the app. The packaged app has neither; the
 * development build adds them in a menu of its own. Electron is only a type here.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The roles that reload the page or open the developer tools: only in development. */
export const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools'] as const;

export function menuTemplate(packaged: boolean, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'Berkas / File', submenu: [{ role: platform === 'darwin' ? 'close' : 'quit' }] },
    // Cut, copy, paste and undo in text fields (on macOS their shortcuts exist only through this menu).
    { role: 'editMenu' },
    {
      label: 'Tampilan / View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  if (!packaged) template.push({ label: 'Developer', submenu: DEVELOPER_ROLES.map((role) => ({ role })) });
  return template;
}
