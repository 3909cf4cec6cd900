import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { App as AntApp, Spin } from 'antd';
import { LangProvider } from './i18n';

const PortalApp = lazy(() => import('./portal/PortalApp'));
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));
const LoginPage = lazy(() => import('./console/LoginPage'));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <AntApp>
        <BrowserRouter>
          <Suspense fallback={<Spin style={{ margin: 80 }} />}>
            <Routes>
              <Route path="/" element={<Navigate to="/portal" replace />} />
              <Route path="/portal/*" element={<PortalApp />} />
              <Route path="/console/login" element={<LoginPage />} />
              <Route path="/console/*" element={<ConsoleApp />} />
              <Route path="*" element={<Navigate to="/portal" replace />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </LangProvider>
  </StrictMode>,
);
