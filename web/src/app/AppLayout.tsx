import { LogoutOutlined } from '@ant-design/icons';
import { Button, Empty, Select, Typography } from 'antd';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useSignedIn } from '../auth/SessionContext';
import { rolesAt } from '../auth/session';
import { useSchoolNames } from '../district/useSchoolNames';
import { ROLE_TITLES } from '../format/titles';

const NAV: Array<{ to: string; label: string; only?: string[] }> = [
  { to: '/plan', label: 'План' },
  { to: '/board', label: 'Решения' },
  { to: '/sittings', label: 'Заседания' },
  { to: '/my-work', label: 'Моя работа' },
  { to: '/journal', label: 'Аудит' },
  { to: '/staff', label: 'Сотрудники', only: ['director', 'district-admin'] },
  { to: '/settings', label: 'Настройки' },
];

export function AppLayout() {
  const { session, schoolId, chooseSchool, signOut } = useSignedIn();
  const roles = rolesAt(session, schoolId);
  const names = useSchoolNames();
  const schoolName = (id: string) => names.get(id) ?? id;
  // The district's screens need no school chosen: they are where an inspector chooses one.
  const districtScreen = useLocation().pathname.startsWith('/district');
  const district = (session.user.inspects?.length ?? 0) + (session.user.administers?.length ?? 0) > 0;
  const nav: typeof NAV = district ? [...NAV, { to: '/district', label: 'Район' }] : NAV;
  return (
    <>
      <a className="skip-link" href="#main">
        Перейти к содержанию
      </a>
      <header className="app-header">
        <span className="brand">ВСОКО</span>
        <nav aria-label="Разделы">
          {nav
            .filter((item) => !item.only || item.only.some((r) => roles.includes(r)))
            .map((item) => (
              <NavLink key={item.to} to={item.to}>
                {item.label}
              </NavLink>
            ))}
        </nav>
        <div className="who">
          {session.schools.length > 1 || !schoolId ? (
            <Select
              aria-label="Школа"
              placeholder="Выберите школу"
              value={schoolId}
              onChange={chooseSchool}
              style={{ minWidth: 200 }}
              options={session.schools.map((s) => ({ value: s, label: schoolName(s) }))}
            />
          ) : (
            <Typography.Text>{schoolName(schoolId)}</Typography.Text>
          )}
          <Typography.Text>
            {session.user.name ?? session.user.id}
            {roles.length > 0 ? ` · ${roles.map((r) => ROLE_TITLES[r] ?? r).join(', ')}` : ''}
          </Typography.Text>
          <Link to="/password">Пароль</Link>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut('signed-out')}>
            Выйти
          </Button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {schoolId || districtScreen ? (
          <Outlet />
        ) : (
          <Empty
            description={
              session.schools.length > 0
                ? 'Выберите школу в списке «Школа» вверху страницы, чтобы открыть её план и решения.'
                : 'У вашей учётной записи нет доступных школ. Обратитесь к директору школы или администратору района.'
            }
          />
        )}
      </main>
    </>
  );
}
