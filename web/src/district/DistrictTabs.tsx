import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useUrlState } from '../app/useUrlState';
import { useSignedIn } from '../auth/SessionContext';

const TABS = [
  { key: '/district', label: 'Школы района' },
  { key: '/district/templates', label: 'Шаблоны планов' },
];

/** Only its administrator appoints the district's inspectors. */
const ADMINISTRATION = { key: '/district/inspectors', label: 'Инспекторы' };

/**
 * The district's views: its schools side by side, the plan templates it publishes to them, and (for its
 * administrator) its inspectors.
 */
export function DistrictTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { get } = useUrlState();
  const { session } = useSignedIn();
  const district = get('district');
  const administers = session.user.administers ?? [];
  const items =
    administers.length > 0 && (!district || administers.includes(district))
      ? [...TABS, ADMINISTRATION]
      : TABS;
  const active = items.find((t) => t.key !== '/district' && pathname.startsWith(t.key))?.key ?? '/district';
  return (
    <Tabs
      aria-label="Разделы района"
      activeKey={active}
      onChange={(key) => navigate(district ? `${key}?district=${encodeURIComponent(district)}` : key)}
      items={items}
    />
  );
}
