/** Simplified Chinese first, English available: antd's locale plus our own short strings. */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import 'dayjs/locale/zh-cn';
import { THEME } from './theme';

export type Lang = 'zh' | 'en';

const STRINGS = {
  portalTitle: ['秀山县 法治政府建设公开平台', 'Xiushan County Law-based Government Portal'],
  agencies: ['行政执法主体清单', 'Enforcement subjects'],
  officers: ['行政执法人员清单', 'Enforcement officers'],
  decisions: ['执法决定公示', 'Enforcement decisions'],
  publications: ['行政执法决定公示', 'Decision disclosure'],
  calculator: ['法定期限计算器', 'Statutory deadline calculator'],
  consoleLogin: ['登录管理控制台', 'Staff console'],
  consoleTitle: ['依法 · 管理控制台', 'yifa console'],
  dashboard: ['工作台', 'Dashboard'],
  penaltyCases: ['行政处罚案件', 'Penalty cases'],
  registerCase: ['登记案源', 'Register a case'],
  onTheSpot: ['当场处罚（简易程序）', 'On-the-spot penalty (simple procedure)'],
  searchCases: ['检索当事人、案情、文号', 'Search party, facts, document number'],
  filterAgency: ['全部执法主体', 'All enforcement subjects'],
  filterOfficer: ['全部执法人员', 'All officers'],
  filterViolationType: ['全部违法行为类型', 'All violation types'],
  filterStatus: ['全部状态', 'All statuses'],
  overdueOnly: ['仅看超期', 'Overdue only'],
  clearFilters: ['清除筛选', 'Clear filters'],
  fileCheck: ['案卷评查（预查）', 'Case-file review (pre-check)'],
  fileCheckPassed: ['预查通过', 'Pre-check passed'],
  fileCheckVeto: ['否决项未通过', 'Veto item failed'],
  fileCheckDeductions: ['有扣分项', 'Points deducted'],
  fileCheckOnTrack: ['当前阶段无扣分', 'Nothing due is missing'],
  exportCaseFile: ['导出案卷', 'Export case file'],
  backToCases: ['返回案件列表', 'Back to cases'],
  evidence: ['证据', 'Evidence'],
  uploadEvidence: ['上传证据', 'Upload evidence'],
  recordings: ['音像记录', 'Audio-visual records'],
  recordingCoverage: ['音像记录覆盖率', 'Recording coverage'],
  enforcementSettings: ['执法设置', 'Enforcement settings'],
  regions: ['区划', 'Regions'],
  agencyAdmin: ['执法主体', 'Agencies'],
  people: ['人员', 'People'],
  certificates: ['执法证', 'Certificates'],
  users: ['用户与角色', 'Users & roles'],
  calendar: ['节假日与调休', 'Holiday calendar'],
  journal: ['操作日志', 'Journal'],
  loginLog: ['登录日志', 'Login log'],
  logout: ['退出登录', 'Log out'],
  changePassword: ['修改密码', 'Change password'],
  portal: ['公开门户', 'Public portal'],
  informationRequests: ['政府信息公开申请', 'Requests for government information'],
  registerRequest: ['登记申请', 'Register a request'],
  searchRequests: ['检索申请人、所需信息、答复书文号', 'Search applicant, information, reply number'],
  disputes: ['人民调解', "People's mediation"],
  registerDispute: ['登记纠纷', 'Register a dispute'],
  searchDisputes: ['检索当事人、调解委员会、纠纷事实、协议书编号', 'Search party, committee, facts, agreement number'],
  administrativeMediations: ['行政调解', 'Administrative mediation'],
  registerAdministrativeMediation: ['登记行政调解', 'Register an administrative mediation'],
  searchAdministrativeMediations: ['检索当事人、纠纷事实、协议书编号、关联案件', 'Search party, facts, agreement number, linked case'],
  mediationStatistics: ['人民调解统计', 'Mediation statistics'],
  petitionHotSpots: ['信访热点', 'Petition hot spots'],
  normativeDocuments: ['行政规范性文件', 'Normative documents'],
  draftNormativeDocument: ['起草规范性文件', 'Draft a normative document'],
  searchNormativeDocuments: ['检索文件名称、起草单位、统一编号、制定依据', 'Search title, drafter, number, legal basis'],
  normativeEvaluation: ['规范性文件评估清理', 'Normative documents due for evaluation'],
  legalReviews: ['合法性审查事项', 'Legal reviews'],
  openLegalReview: ['登记审查事项', 'Register a review'],
  searchLegalReviews: ['检索事项名称、承办单位、意见书文号', 'Search title, department, opinion number'],
  legalDesk: ['法律顾问工作台', "Legal adviser's desk"],
  normativePortal: ['规范性文件', 'Normative documents'],
  opennessLists: ['事前公开清单', 'Enforcement lists'],
  caseExplanations: ['以案释法', 'Cases explained'],
  opennessCatalog: ['政府信息公开目录', 'Information catalog'],
  mediationCommittees: ['人民调解委员会', 'Mediation committees'],
  disputeScreenings: ['矛盾纠纷排查', 'Dispute screening'],
  mediationVolunteers: ['平安志愿者', 'Safety volunteers'],
  mediators: ['人民调解员', 'Mediators'],
  villageRules: ['村规民约', 'Village rules'],
  draftVillageRules: ['起草村规民约', 'Draft village rules'],
  searchVillageRules: ['检索村名、条款内容', 'Search village, clauses'],
  villageMeetings: ['村民代表会议', 'Village meetings'],
  recordVillageMeeting: ['登记会议记录', 'Record a meeting'],
  searchVillageMeetings: ['检索村名、议程、议题', 'Search village, agenda, decisions'],
  villageStatistics: ['村务统计', 'Village statistics'],
  portalVillageRules: ['村规民约与村务公开', 'Village rules and affairs'],
  portalVerify: ['文书查验', 'Verify a document'],
  portalOfficerCard: ['执法证查验（亮证）', 'Check an officer'],
  trackRequest: ['申请查询', 'Track a request'],
  submitRequest: ['提交申请', 'Submit the request'],
  trackingCode: ['查询码', 'Tracking code'],
  keepTrackingCode: ['请妥善保存查询码，凭此码查询办理进度', 'Keep this tracking code: you will need it to follow your request'],
  track: ['查询', 'Look up'],
  answerCorrection: ['提交补正', 'Send the correction'],
  petitions: ['信访事项', 'Petitions'],
  registerPetition: ['登记信访事项', 'Register a petition'],
  searchPetitions: ['检索信访人、登记号、信访请求、地点', 'Search petitioner, number, request, place'],
  filePetition: ['网上信访', 'File a petition'],
  trackPetition: ['信访查询', 'Track a petition'],
  submitPetition: ['提交信访事项', 'Submit the petition'],
  reconsiderations: ['行政复议', 'Administrative reconsideration'],
  registerReconsideration: ['登记复议申请', 'Register an application'],
  searchReconsiderations: ['检索申请人、被申请人、被申请复议的行为、决定书文号', 'Search applicant, respondent, act, decision number'],
  reconsiderationIndicators: ['行政复议指标', 'Reconsideration indicators'],
  fileReconsideration: ['行政复议申请', 'Apply for reconsideration'],
  trackReconsideration: ['行政复议查询', 'Track a reconsideration'],
  submitReconsideration: ['提交行政复议申请', 'Submit the application'],
  lawsuits: ['行政应诉', 'Court defence'],
  registerLawsuit: ['登记应诉案件', 'Register a lawsuit'],
  searchLawsuits: ['检索原告、案号、法院、被诉行为', 'Search plaintiff, case number, court, act'],
  litigationIndicators: ['应诉指标', 'Litigation indicators'],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('yifa.lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('yifa.lang', l);
    setLangState(l);
  };
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
        {children}
      </ConfigProvider>
    </LangContext.Provider>
  );
}

export function useLang() {
  return useContext(LangContext);
}

export function useT() {
  const { lang } = useLang();
  return (key: StringKey) => STRINGS[key][lang === 'zh' ? 0 : 1];
}
