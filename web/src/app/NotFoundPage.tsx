import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { usePageTitle } from './usePageTitle';

export function NotFoundPage() {
  usePageTitle('Страница не найдена');
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>Такой страницы нет</h1>}
      subTitle="Проверьте адрес или откройте план ВСОКО."
      extra={
        <Link to="/plan">
          <Button type="primary">К плану</Button>
        </Link>
      }
    />
  );
}
