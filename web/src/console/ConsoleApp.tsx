import { useEffect, useState } from 'react';
import { App, Button, Drawer, Dropdown, Form, Grid, Input, Layout, Menu, Modal, Space, Spin, Tag } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { api, get, post, setCsrfToken, type ApiError } from '../api';
import { useLang, useT, type StringKey } from '../i18n';
import type { Me } from '../types';
import { SessionContext, can } from './session';
import DashboardPage from './pages/DashboardPage';
import TrainingBanner from './TrainingBanner';
import RegionsPage from './pages/RegionsPage';
import AgenciesPage from './pages/AgenciesPage';
import PeoplePage from './pages/PeoplePage';
import PersonPage from './pages/PersonPage';
import CertificatesPage from './pages/CertificatesPage';
import UsersPage from './pages/UsersPage';
import CalendarPage from './pages/CalendarPage';
import JournalPage from './pages/JournalPage';
import LoginLogPage from './pages/LoginLogPage';
import PenaltyCasesPage from './penalty/PenaltyCasesPage';
import PenaltyCasePage from './penalty/PenaltyCasePage';
import DocumentPage from './penalty/DocumentPage';
import RecordingCoveragePage from './penalty/RecordingCoveragePage';
import SettingsPage from './penalty/SettingsPage';
import { uploadQueue } from './evidence/queue';
import ProcedureListPage from './procedure/ProcedureListPage';
import ProcedureRecordPage from './procedure/ProcedureRecordPage';
import ProcedureDocumentPage from './procedure/ProcedureDocumentPage';
import { INFORMATION_REQUESTS_CONSOLE } from './procedure/information-requests';
import { PETITIONS_CONSOLE } from './procedure/petitions';
import { DISPUTES_CONSOLE } from './procedure/disputes';
import { ADMINISTRATIVE_MEDIATIONS_CONSOLE } from './procedure/administrative-mediations';
import { VILLAGE_MEETINGS_CONSOLE, VILLAGE_RULES_CONSOLE } from './procedure/villages';
import VillageStatisticsPage from './pages/VillageStatisticsPage';
import { NORMATIVE_DOCUMENTS_CONSOLE } from './procedure/normative-documents';
import { LEGAL_REVIEWS_CONSOLE } from './procedure/legal-reviews';
import LegalDeskPage from './normative/LegalDeskPage';
import NormativeEvaluationPage from './normative/NormativeEvaluationPage';
import { RECONSIDERATIONS_CONSOLE } from './procedure/reconsiderations';
import ReconsiderationIndicatorsPage from './pages/ReconsiderationIndicatorsPage';
import { LAWSUITS_CONSOLE } from './procedure/lawsuits';
import LitigationIndicatorsPage from './pages/LitigationIndicatorsPage';
import type { ProcedureConsole } from './procedure/config';
import MediationStatisticsPage from './pages/MediationStatisticsPage';
import PetitionHotSpotsPage from './pages/PetitionHotSpotsPage';
import MediationCommitteesPage from './pages/MediationCommitteesPage';
import DisputeScreeningsPage, { DisputeScreeningPage } from './pages/DisputeScreeningsPage';
import { MediationVolunteersPage, MediatorsPage } from './pages/MediationRosterPages';
import PublicationsPage from './disclosure/PublicationsPage';
import { CatalogPage, ExplanationDocumentPage, ExplanationsPage, ListDocumentPage, OpennessListsPage } from './openness/OpennessPages';
import { HeadingProvider } from '../heading';

/** The procedures of the kit the console serves with its generic pages (one list, record and document page each). */
const PROCEDURES = [
  INFORMATION_REQUESTS_CONSOLE,
  PETITIONS_CONSOLE,
  DISPUTES_CONSOLE,
  ADMINISTRATIVE_MEDIATIONS_CONSOLE,
  VILLAGE_RULES_CONSOLE,
  VILLAGE_MEETINGS_CONSOLE,
  NORMATIVE_DOCUMENTS_CONSOLE,
  LEGAL_REVIEWS_CONSOLE,
  RECONSIDERATIONS_CONSOLE,
  LAWSUITS_CONSOLE,
];

/** A procedure's three pages, typed over its own record (one call per procedure keeps each monomorphic). */
const routesOf = <S,>(p: ProcedureConsole<S>) => [
  <Route key={p.key} path={p.key} element={<ProcedureListPage config={p} />} />,
  <Route key={`${p.key}/:id`} path={`${p.key}/:id`} element={<ProcedureRecordPage config={p} />} />,
  <Route key={`${p.key}/doc`} path={`${p.key}/:id/documents/:documentId`} element={<ProcedureDocumentPage config={p} />} />,
];
const PROCEDURE_ROUTES = [
  ...routesOf(INFORMATION_REQUESTS_CONSOLE),
  ...routesOf(PETITIONS_CONSOLE),
  ...routesOf(DISPUTES_CONSOLE),
  ...routesOf(ADMINISTRATIVE_MEDIATIONS_CONSOLE),
  ...routesOf(VILLAGE_RULES_CONSOLE),
  ...routesOf(VILLAGE_MEETINGS_CONSOLE),
  ...routesOf(NORMATIVE_DOCUMENTS_CONSOLE),
  ...routesOf(LEGAL_REVIEWS_CONSOLE),
  ...routesOf(RECONSIDERATIONS_CONSOLE),
  ...routesOf(LAWSUITS_CONSOLE),
];

/** Menu entries and the permission each needs (the server checks again). */
const MENU: { key: string; label: StringKey; permission: string }[] = [
  { key: 'dashboard', label: 'dashboard', permission: 'org.read' },
  { key: 'penalty-cases', label: 'penaltyCases', permission: 'penalty.read' },
  { key: 'recording-coverage', label: 'recordingCoverage', permission: 'penalty.read' },
  { key: 'enforcement-settings', label: 'enforcementSettings', permission: 'enforcement.settings' },
  ...PROCEDURES.map((p) => ({ key: p.key, label: p.title, permission: p.permission })),
  { key: 'petition-hot-spots', label: 'petitionHotSpots', permission: 'petition.read' },
  { key: 'mediation-statistics', label: 'mediationStatistics', permission: 'mediation.read' },
  { key: 'reconsideration-indicators', label: 'reconsiderationIndicators', permission: 'reconsideration.read' },
  { key: 'litigation-indicators', label: 'litigationIndicators', permission: 'litigation.read' },
  { key: 'mediation-committees', label: 'mediationCommittees', permission: 'mediation.read' },
  { key: 'dispute-screenings', label: 'disputeScreenings', permission: 'mediation.read' },
  { key: 'mediation-volunteers', label: 'mediationVolunteers', permission: 'mediation.read' },
  { key: 'mediators', label: 'mediators', permission: 'mediation.read' },
  { key: 'village-statistics', label: 'villageStatistics', permission: 'village.read' },
  { key: 'publications', label: 'publications', permission: 'disclosure.read' },
  { key: 'openness-lists', label: 'opennessLists', permission: 'openness.read' },
  { key: 'case-explanations', label: 'caseExplanations', permission: 'openness.read' },
  { key: 'openness-catalog', label: 'opennessCatalog', permission: 'openness.read' },
  { key: 'normative-evaluation', label: 'normativeEvaluation', permission: 'normative.read' },
  { key: 'legal-desk', label: 'legalDesk', permission: 'legal-review.read' },
  { key: 'regions', label: 'regions', permission: 'org.read' },
  { key: 'agencies', label: 'agencyAdmin', permission: 'org.read' },
  { key: 'people', label: 'people', permission: 'org.read' },
  { key: 'certificates', label: 'certificates', permission: 'org.read' },
  { key: 'users', label: 'users', permission: 'user.manage' },
  { key: 'calendar', label: 'calendar', permission: 'org.read' },
  { key: 'journal', label: 'journal', permission: 'journal.read' },
  { key: 'login-log', label: 'loginLog', permission: 'login-log.read' },
];

/**
 * Where a user lands after logging in: the work of the first of the user's roles that has a
 * page of its own (the disclosure clerk's requests), else the 工作台.
 */
const LANDING: Record<string, string> = { disclosure_clerk: 'information-requests', village_clerk: 'village-rules' };
const landingOf = (me: Me) => me.roles.map((r) => LANDING[r.id]).find((k) => k !== undefined) ?? 'dashboard';

function PasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await post('/session/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      void message.success('密码已修改，其他登录会话已退出');
      form.resetFields();
      onClose();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Modal title="修改密码" open={open} onOk={submit} onCancel={onClose} okText="确定" cancelText="取消">
      <Form form={form} layout="vertical">
        <Form.Item name="oldPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="至少 10 位，须同时包含字母和数字"
          rules={[{ required: true, min: 10, message: '至少 10 位' }]}
        >
          <Input.Password />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入' },
            ({ getFieldValue }) => ({
              validator: (_, v) => (v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入不一致'))),
            }),
          ]}
        >
          <Input.Password />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ConsoleApp() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [pwOpen, setPwOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  // Below lg the menu moves into a drawer and the header keeps only what fits a phone.
  const narrow = screens.lg === false;
  const phone = screens.md === false;
  const t = useT();
  const { lang, setLang } = useLang();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    get<Me>('/session').then(
      (m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
      },
      () => setMe(null),
    );
  }, []);
  // Evidence uploads left unfinished (a reload, a lost network) go on as soon as the user is known.
  useEffect(() => {
    if (me && can(me, 'evidence.upload')) void uploadQueue.start(me.user.id);
  }, [me]);
  if (me === undefined) return <Spin style={{ margin: 80 }} />;
  if (me === null) return <Navigate to={`/console/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  const here = location.pathname.split('/')[2] ?? 'dashboard';
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[here]}
      onClick={() => setMenuOpen(false)}
      items={MENU.filter((m) => can(me, m.permission)).map((m) => ({
        key: m.key,
        label: <Link to={`/console/${m.key}`}>{t(m.label)}</Link>,
      }))}
    />
  );
  const logout = async () => {
    uploadQueue.stop();
    await api('DELETE', '/session').catch(() => undefined);
    setCsrfToken(undefined);
    navigate('/console/login', { replace: true });
  };
  return (
    <SessionContext.Provider value={me}>
      <Layout style={{ minHeight: '100vh' }}>
        {!narrow && (
          <Layout.Sider width={200} theme="light">
            <div style={{ padding: 16, fontWeight: 600, color: '#b71c1c' }}>{t('consoleTitle')}</div>
            {menu}
          </Layout.Sider>
        )}
        {narrow && (
          <Drawer
            placement="left"
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            width={220}
            title={t('consoleTitle')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Layout style={{ minWidth: 0 }}>
          <Layout.Header
            style={{
              background: '#fff',
              display: 'flex',
              justifyContent: 'flex-end',
              alignItems: 'center',
              gap: phone ? 8 : 12,
              paddingInline: phone ? 12 : 24,
              minWidth: 0,
            }}
          >
            {narrow && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setMenuOpen(true)}
                aria-label="菜单"
                data-testid="menu-toggle"
                style={{ marginInlineEnd: 'auto' }}
              />
            )}
            <Link to="/portal" style={{ whiteSpace: 'nowrap' }}>
              {t('portal')}
            </Link>
            <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
              {lang === 'zh' ? 'English' : '中文'}
            </Button>
            <Dropdown
              menu={{
                items: [
                  { key: 'pw', label: t('changePassword'), onClick: () => setPwOpen(true) },
                  { key: 'out', label: t('logout'), onClick: () => void logout() },
                ],
              }}
            >
              <Space style={{ cursor: 'pointer', minWidth: 0 }} data-testid="current-user">
                <span
                  style={
                    phone
                      ? {
                          display: 'inline-block',
                          maxWidth: 110,
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                          verticalAlign: 'middle',
                        }
                      : undefined
                  }
                >
                  {me.user.displayName}
                </span>
                {!phone && me.roles.map((r) => <Tag key={r.id}>{r.name}</Tag>)}
                {!phone && <Tag color="blue">数据权限：{me.dataScope.name}</Tag>}
              </Space>
            </Dropdown>
          </Layout.Header>
          <TrainingBanner canAdvance={can(me, 'clock.manage')} />
          <Layout.Content style={{ padding: phone ? 8 : 24 }}>
            <HeadingProvider title={t(MENU.find((m) => m.key === here)?.label ?? 'dashboard')}>
              <Routes>
                <Route index element={<Navigate to={landingOf(me)} replace />} />
                <Route path="dashboard" element={<DashboardPage />} />
                <Route path="regions" element={<RegionsPage />} />
                <Route path="agencies" element={<AgenciesPage />} />
                <Route path="people" element={<PeoplePage />} />
                <Route path="people/:id" element={<PersonPage />} />
                <Route path="certificates" element={<CertificatesPage />} />
                <Route path="users" element={<UsersPage />} />
                <Route path="calendar" element={<CalendarPage />} />
                <Route path="journal" element={<JournalPage />} />
                <Route path="login-log" element={<LoginLogPage />} />
                <Route path="penalty-cases" element={<PenaltyCasesPage />} />
                <Route path="penalty-cases/:id" element={<PenaltyCasePage />} />
                <Route path="penalty-cases/:id/documents/:documentId" element={<DocumentPage />} />
                <Route path="recording-coverage" element={<RecordingCoveragePage />} />
                <Route path="enforcement-settings" element={<SettingsPage />} />
                {PROCEDURE_ROUTES}
                <Route path="mediation-statistics" element={<MediationStatisticsPage />} />
                <Route path="village-statistics" element={<VillageStatisticsPage />} />
                <Route path="reconsideration-indicators" element={<ReconsiderationIndicatorsPage />} />
                <Route path="litigation-indicators" element={<LitigationIndicatorsPage />} />
                <Route path="petition-hot-spots" element={<PetitionHotSpotsPage />} />
                <Route path="mediation-committees" element={<MediationCommitteesPage />} />
                <Route path="dispute-screenings" element={<DisputeScreeningsPage />} />
                <Route path="dispute-screenings/:id" element={<DisputeScreeningPage />} />
                <Route path="mediation-volunteers" element={<MediationVolunteersPage />} />
                <Route path="mediators" element={<MediatorsPage />} />
                <Route path="publications" element={<PublicationsPage />} />
                <Route path="openness-lists" element={<OpennessListsPage />} />
                <Route path="openness-lists/:id/document" element={<ListDocumentPage />} />
                <Route path="case-explanations" element={<ExplanationsPage />} />
                <Route path="case-explanations/:id/document" element={<ExplanationDocumentPage />} />
                <Route path="openness-catalog" element={<CatalogPage />} />
                <Route path="normative-evaluation" element={<NormativeEvaluationPage />} />
                <Route path="legal-desk" element={<LegalDeskPage />} />
              </Routes>
            </HeadingProvider>
          </Layout.Content>
        </Layout>
        <PasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
      </Layout>
    </SessionContext.Provider>
  );
}
