import { Empty } from 'antd';

export function BoardPage() {
  return <Empty description="Раздел появится в следующем шаге." />;
}
