import { useState } from 'react';
import { Button, ConfigProvider, Drawer, Grid, Layout, Menu, Space } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useLang, useT } from '../i18n';
import AgenciesPage from './pages/AgenciesPage';
import OfficersPage from './pages/OfficersPage';
import DeadlinePage from './pages/DeadlinePage';
import InformationRequestPage from './pages/InformationRequestPage';
import TrackingPage from './pages/TrackingPage';
import PetitionPage from './pages/PetitionPage';
import PetitionTrackingPage from './pages/PetitionTrackingPage';
import ReconsiderationPage from './pages/ReconsiderationPage';
import ReconsiderationTrackingPage from './pages/ReconsiderationTrackingPage';
import DecisionsPage from './pages/DecisionsPage';
import NormativeDocumentsPage, { NormativeDocumentPage } from './pages/NormativeDocumentsPage';
import DecisionPage from './pages/DecisionPage';
import VillageRulesPage from './pages/VillageRulesPage';
import CatalogPage, { ExplanationPage, OpennessListPage } from './pages/CatalogPage';
import VerifyPage, { VerifyFormPage } from './pages/VerifyPage';
import OfficerCardPage from './pages/OfficerCardPage';
import { HeadingProvider } from '../heading';
import type { StringKey } from '../i18n';

/**
 * The portal's pages: the menu, in this order, and each page's title. A page reached from
 * another (信访查询, from 网上信访) stays out of the menu, which must fit the header without
 * folding items into an overflow (antd hides them there from assistive technology but not
 * from the keyboard); its menu entry is its parent's.
 */
const PAGES: { key: string; title: StringKey; under?: string; footer?: true }[] = [
  { key: 'agencies', title: 'agencies' },
  { key: 'officers', title: 'officers' },
  { key: 'decisions', title: 'decisions' },
  { key: 'normative-documents', title: 'normativePortal' },
  { key: 'deadlines', title: 'calculator' },
  { key: 'information-requests', title: 'informationRequests' },
  { key: 'tracking', title: 'trackRequest' },
  { key: 'petitions', title: 'filePetition' },
  { key: 'petition-tracking', title: 'trackPetition', under: 'petitions' },
  // The header's menu is full (a ninth entry would fold into an overflow): linked from the footer.
  { key: 'reconsiderations', title: 'fileReconsideration', footer: true },
  { key: 'reconsideration-tracking', title: 'trackReconsideration', under: 'reconsiderations' },
  { key: 'village-rules', title: 'portalVillageRules', footer: true },
  { key: 'catalog', title: 'opennessCatalog', footer: true },
  { key: 'openness', title: 'opennessCatalog', under: 'catalog' },
  // Opened from a document's or a 执法证's QR code; the verify page can also be reached from the footer.
  { key: 'verify', title: 'portalVerify', footer: true },
  { key: 'officer', title: 'portalOfficerCard', under: 'officers' },
];

/** White on the brand red (antd's dark menu greys its items below 4.5:1 there); the page you are on, darker red. */
const MENU_THEME = {
  components: {
    Menu: {
      darkItemColor: '#ffffff',
      darkItemHoverColor: '#ffffff',
      darkItemSelectedBg: '#7f0000',
      darkItemBg: 'transparent',
      darkPopupBg: '#b71c1c',
      // Eight entries fit a 1366-pixel header only with narrower padding than antd's 16.
      itemPaddingInline: 8,
    },
  },
};

const entry = (t: ReturnType<typeof useT>) => (p: (typeof PAGES)[number]) => ({
  key: p.key,
  label: <Link to={`/portal/${p.key}`}>{t(p.title)}</Link>,
});

function LanguageAndConsole({ color }: { color: string }) {
  const t = useT();
  const { lang, setLang } = useLang();
  return (
    <Space>
      <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
        {lang === 'zh' ? 'English' : '中文'}
      </Button>
      <Link to="/console" style={{ color }}>
        {t('consoleLogin')}
      </Link>
    </Space>
  );
}

/**
 * A phone's header: the title and a 菜单 button opening every page (the footer's too, far
 * below on a phone) in a drawer. Eight entries do not fit 390 pixels, and antd's overflow
 * "…" would hide them from assistive technology.
 */
function PhoneHeader({ selected }: { selected: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 8, paddingInline: 16, background: '#b71c1c' }}>
      <div style={{ flex: 1, minWidth: 0, color: '#fff', fontSize: 16, fontWeight: 600, lineHeight: 1.3 }}>{t('portalTitle')}</div>
      <Button icon={<MenuOutlined />} onClick={() => setOpen(true)} aria-expanded={open} aria-controls="portal-menu">
        菜单
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('portalTitle')} styles={{ body: { padding: 0 } }}>
        <nav id="portal-menu" aria-label="栏目">
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={PAGES.filter((p) => !p.under).map(entry(t))}
            onClick={() => setOpen(false)}
          />
        </nav>
        <div style={{ padding: 16 }}>
          <LanguageAndConsole color="#0958d9" />
        </div>
      </Drawer>
    </Layout.Header>
  );
}

function DesktopHeader({ selected }: { selected: string }) {
  const t = useT();
  return (
    // Eight entries and the title fit a 1366-pixel header with a narrower margin and gap than antd's (an entry folded
    // into "…" is hidden from assistive technology yet focusable: axe's aria-hidden-focus).
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 24, background: '#b71c1c' }}>
      <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>{t('portalTitle')}</div>
      <ConfigProvider theme={MENU_THEME}>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          items={PAGES.filter((p) => !p.under && !p.footer).map(entry(t))}
        />
      </ConfigProvider>
      <LanguageAndConsole color="#fff" />
    </Layout.Header>
  );
}

/**
 * On a phone a card's title and its extra share one line: the title keeps at least half and
 * wraps rather than shrinking to nothing behind an ellipsis, the extra wraps beside it.
 */
const PHONE_CARD = {
  styles: {
    title: { whiteSpace: 'normal', minWidth: '50%' },
    extra: { whiteSpace: 'normal', minWidth: 0, flexShrink: 1 },
  },
} as const;

export default function PortalApp() {
  const t = useT();
  const here = useLocation().pathname.split('/')[2] ?? 'officers';
  const selected = PAGES.find((p) => p.key === here)?.under ?? here;
  const phone = Grid.useBreakpoint().md === false;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? <PhoneHeader selected={selected} /> : <DesktopHeader selected={selected} />}
      <Layout.Content style={{ padding: phone ? 16 : 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <HeadingProvider title={t(PAGES.find((p) => p.key === here)?.title ?? 'officers')}>
          <ConfigProvider card={phone ? PHONE_CARD : {}}>
            <Routes>
              <Route index element={<Navigate to="officers" replace />} />
              <Route path="agencies" element={<AgenciesPage />} />
              <Route path="officers" element={<OfficersPage />} />
              <Route path="decisions" element={<DecisionsPage />} />
              <Route path="decisions/:id" element={<DecisionPage />} />
              <Route path="normative-documents" element={<NormativeDocumentsPage />} />
              <Route path="normative-documents/:id" element={<NormativeDocumentPage />} />
              <Route path="deadlines" element={<DeadlinePage />} />
              <Route path="information-requests" element={<InformationRequestPage />} />
              <Route path="tracking" element={<TrackingPage />} />
              <Route path="petitions" element={<PetitionPage />} />
              <Route path="petition-tracking" element={<PetitionTrackingPage />} />
              <Route path="reconsiderations" element={<ReconsiderationPage />} />
              <Route path="reconsideration-tracking" element={<ReconsiderationTrackingPage />} />
              <Route path="village-rules" element={<VillageRulesPage />} />
              <Route path="catalog" element={<CatalogPage />} />
              <Route path="openness/lists/:id" element={<OpennessListPage />} />
              <Route path="openness/explanations/:id" element={<ExplanationPage />} />
              <Route path="verify" element={<VerifyFormPage />} />
              <Route path="verify/:code" element={<VerifyPage />} />
              <Route path="officer/:token" element={<OfficerCardPage />} />
            </Routes>
          </ConfigProvider>
        </HeadingProvider>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', color: '#595959' }}>
        依法 yifa · 依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》公示
        <Space style={{ marginTop: 8, display: 'flex', justifyContent: 'center' }} split="·" wrap>
          {PAGES.filter((p) => p.footer).map((p) => (
            <Link key={p.key} to={`/portal/${p.key}`}>
              {t(p.title)}
            </Link>
          ))}
        </Space>
      </Layout.Footer>
    </Layout>
  );
}
