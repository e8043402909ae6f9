import { Empty } from 'antd';

export function AuditPage() {
  return <Empty description="Раздел появится в следующем шаге." />;
}
