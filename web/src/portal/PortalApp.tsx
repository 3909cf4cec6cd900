import { Button, ConfigProvider, Layout, Menu, Space } from 'antd';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useLang, useT } from '../i18n';
import AgenciesPage from './pages/AgenciesPage';
import OfficersPage from './pages/OfficersPage';
import DeadlinePage from './pages/DeadlinePage';
import InformationRequestPage from './pages/InformationRequestPage';
import TrackingPage from './pages/TrackingPage';

export default function PortalApp() {
  const t = useT();
  const { lang, setLang } = useLang();
  const here = useLocation().pathname.split('/')[2] ?? 'officers';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, background: '#b71c1c' }}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('portalTitle')}</div>
        {/* White on the brand red (antd's dark menu greys its items below 4.5:1 there); the page you are on, darker red. */}
        <ConfigProvider
          theme={{
            components: {
              Menu: {
                darkItemColor: '#ffffff',
                darkItemHoverColor: '#ffffff',
                darkItemSelectedBg: '#7f0000',
                darkItemBg: 'transparent',
                darkPopupBg: '#b71c1c',
              },
            },
          }}
        >
          <Menu
            theme="dark"
            mode="horizontal"
            selectedKeys={[here]}
            style={{ flex: 1, minWidth: 0, background: 'transparent' }}
            items={[
              { key: 'agencies', label: <Link to="/portal/agencies">{t('agencies')}</Link> },
              { key: 'officers', label: <Link to="/portal/officers">{t('officers')}</Link> },
              { key: 'deadlines', label: <Link to="/portal/deadlines">{t('calculator')}</Link> },
              { key: 'information-requests', label: <Link to="/portal/information-requests">{t('informationRequests')}</Link> },
              { key: 'tracking', label: <Link to="/portal/tracking">{t('trackRequest')}</Link> },
            ]}
          />
        </ConfigProvider>
        <Space>
          <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {lang === 'zh' ? 'English' : '中文'}
          </Button>
          <Link to="/console" style={{ color: '#fff' }}>
            {t('consoleLogin')}
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Routes>
          <Route index element={<Navigate to="officers" replace />} />
          <Route path="agencies" element={<AgenciesPage />} />
          <Route path="officers" element={<OfficersPage />} />
          <Route path="deadlines" element={<DeadlinePage />} />
          <Route path="information-requests" element={<InformationRequestPage />} />
          <Route path="tracking" element={<TrackingPage />} />
        </Routes>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#595959' }}>
        依法 yifa · 依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》公示
      </Layout.Footer>
    </Layout>
  );
}
