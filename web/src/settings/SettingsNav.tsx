import { NavLink } from 'react-router-dom';

const PAGES = [
  { to: '/settings', label: 'Напоминания и эскалация' },
  { to: '/settings/calendar', label: 'Календарь учебного года' },
  { to: '/settings/integrations', label: 'Календари-источники' },
];

/** The settings' own pages, as links (each has its address, so a link to the calendar can be shared). */
export function SettingsNav() {
  return (
    <nav aria-label="Страницы настроек" className="settings-nav">
      {PAGES.map((p) => (
        <NavLink key={p.to} to={p.to} end>
          {p.label}
        </NavLink>
      ))}
    </nav>
  );
}
