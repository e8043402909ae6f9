import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import ruRU from 'antd/locale/ru_RU';
import dayjs from 'dayjs';
import 'dayjs/locale/ru';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from './api/errors';
import { App } from './app/App';
import { SessionProvider } from './auth/SessionContext';
import './app/app.css';

dayjs.locale('ru');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change on retry; a server or network hiccup may.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      staleTime: 10_000,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={ruRU}
      theme={{
        // Secondary and placeholder text dark enough for WCAG AA contrast on white (antd's defaults are lighter).
        token: {
          colorPrimary: '#1f5fa8',
          // Links in the primary blue (antd derives a lighter one that fails AA on white and on hovered rows).
          colorLink: '#1f5fa8',
          colorLinkHover: '#174a85',
          colorLinkActive: '#123a69',
          borderRadius: 6,
          fontSize: 15,
          colorTextSecondary: '#595959',
          colorTextTertiary: '#595959',
          colorTextDescription: '#595959',
          colorTextPlaceholder: '#6e6e6e',
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <SessionProvider>
              <App />
            </SessionProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
