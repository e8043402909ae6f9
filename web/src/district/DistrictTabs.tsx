import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useUrlState } from '../app/useUrlState';

const TABS = [
  { key: '/district', label: 'Школы района' },
  { key: '/district/templates', label: 'Шаблоны планов' },
];

/** The district's two views: its schools side by side, and the plan templates it publishes to them. */
export function DistrictTabs() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { get } = useUrlState();
  const active = pathname.startsWith('/district/templates') ? '/district/templates' : '/district';
  const district = get('district');
  return (
    <Tabs
      aria-label="Разделы района"
      activeKey={active}
      onChange={(key) => navigate(district ? `${key}?district=${encodeURIComponent(district)}` : key)}
      items={TABS}
    />
  );
}
