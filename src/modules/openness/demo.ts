/**
 * The demo town's 政务公开: 妙泉镇人民政府's 执法事项清单 (its powers and the violation types of
 * its 裁量基准, read through the registry's `publicationNames`), published, then revised and
 * published again (the first version superseded: a history to see); its 随机抽查事项清单; a
 * 办事指南 for 政府信息公开申请 published and one for 行政处罚 still a draft; a 以案释法 from
 * the newest closed penalty case, approved and published; and catalog entries registered by
 * hand. The clerk (gongkai) drafts the lists, an officer (zhifa1) the 以案释法, the head (fuzeren)
 * reviews and approves. Last, the catalog is brought up to date with the normative documents
 * published before (as the server's timer would), so the portal shows them from the start.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { contextOfUser } from '../org/sessions.js';
import { draftVersion, reviewVersion, submitDraft, type ListContent } from './lists.js';
import { closedCases, decideExplanation, draftExplanation, publishExplanation, submitExplanation } from './explanations.js';
import { addEntry } from './catalog.js';
import { syncCatalog } from './catalog-sync.js';

const CHANNELS = '投诉举报：12345政务服务便民热线；监督：秀山县司法局行政执法监督科（023-76661234），妙泉镇纪委';

export async function seedDemoOpenness(yifa: Yifa): Promise<void> {
  const as = async (u: string): Promise<Request> => ({ auth: await contextOfUser(yifa, u), denied: async () => {} });
  const clerk = await as('gongkai');
  const head = await as('fuzeren');
  // An officer writes 以案释法: he reads the cases (the clerk does not).
  const officer = await as('zhifa1');
  const agency = await yifa.db.kysely
    .selectFrom('agencies')
    .select(['id', 'powers', 'legal_basis'])
    .where('name', '=', '秀山县妙泉镇人民政府')
    .executeTakeFirst();
  if (!agency) return;
  const powers = JSON.parse(agency.powers) as string[];
  const named = yifa.procedures.find((e) => e.publicationNames);
  const violationTypes = Object.values((await named?.publicationNames?.(yifa, agency.id)) ?? {});

  const publish = async (content: ListContent, reason: string, topic?: string) => {
    const v = await draftVersion(yifa, clerk, { agencyId: agency.id, content, reason, ...(topic ? { topic } : {}) });
    await submitDraft(yifa, clerk, v.id);
    return reviewVersion(yifa, head, v.id, { decision: 'publish', note: '经审核，内容与赋权目录一致，同意公开' });
  };

  const powerItems = powers.map((name) => ({
    name,
    category: '行政处罚' as const,
    basis: agency.legal_basis,
    procedure: 'both' as const,
    channels: CHANNELS,
  }));
  await publish({ kind: 'powers', items: powerItems }, '依据《重庆市赋予乡镇（街道）部分县级行政执法权限目录》首次公开');
  await publish(
    {
      kind: 'powers',
      items: [
        ...powerItems,
        ...violationTypes.slice(0, 6).map((t) => ({
          name: `对“${t}”的行政处罚`,
          category: '行政处罚' as const,
          basis: `${agency.legal_basis}；本机关行政处罚裁量基准`,
          procedure: 'both' as const,
          channels: CHANNELS,
        })),
        {
          name: '对农村村民住宅建设的监督检查',
          category: '行政检查' as const,
          basis: '《中华人民共和国土地管理法》第六十七条',
          procedure: 'general' as const,
          channels: CHANNELS,
        },
      ],
    },
    '裁量基准细化违法行为类型，补充相应执法事项及行政检查事项',
  );
  await publish(
    {
      kind: 'inspections',
      items: [
        {
          item: '农村自建房安全检查',
          basis: '《重庆市农村村民住宅规划建设管理暂行办法》',
          object: '辖区内农村自建房',
          method: '双随机抽查、现场检查',
          frequency: '每年不少于 2 次',
        },
        {
          item: '森林防火野外用火检查',
          basis: '《中华人民共和国森林法》第三十四条；《森林防火条例》',
          object: '林区及林缘村组',
          method: '随机抽查、现场巡查',
          frequency: '防火期内每月 1 次',
        },
        {
          item: '市容环境卫生检查',
          basis: '《重庆市市容环境卫生管理条例》',
          object: '集镇沿街经营户',
          method: '双随机抽查',
          frequency: '每季度 1 次',
        },
      ],
    },
    '公布 2026 年度随机抽查事项清单',
  );
  await publish(
    {
      kind: 'guide',
      guide: {
        basis: '《中华人民共和国政府信息公开条例》第二十七条至第三十三条',
        conditions: '公民、法人或者其他组织可以向本机关申请获取相关政府信息',
        materials: ['政府信息公开申请表', '申请人身份证明', '委托代理的，提交授权委托书'],
        steps: '提交申请 → 登记并出具回执 → 需要补正的一次性告知 → 答复（自收到申请之日起 20 个工作日内，延长不超过 20 个工作日）',
        timeLimit: '20 个工作日（可延长 20 个工作日）',
        fee: '不收费（申请数量、频次明显超过合理范围的，按规定收取信息处理费）',
        place: '妙泉镇便民服务中心政务公开窗口，工作日 9:00—17:00；本门户“依申请公开”',
        channels: CHANNELS,
      },
    },
    '公布政府信息公开申请办事指南',
    '政府信息公开申请',
  );
  // Still a draft: the clerk is writing it.
  await draftVersion(yifa, clerk, {
    agencyId: agency.id,
    topic: '行政处罚案件陈述申辩和听证',
    reason: '起草当事人陈述申辩和申请听证的办事指南',
    content: {
      kind: 'guide',
      guide: {
        basis: '《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条',
        conditions: '收到行政处罚事先告知书的当事人',
        materials: ['陈述申辩书或者听证申请书', '当事人身份证明'],
        steps: '收到告知书 → 5 日内提出陈述申辩或者听证申请 → 本机关复核或者组织听证',
        timeLimit: '告知书送达之日起 5 日内提出',
        fee: '不收费',
        place: '妙泉镇综合行政执法办公室',
        channels: CHANNELS,
      },
    },
  });

  // 以案释法 from the newest closed penalty case that published a decision.
  const cases = await closedCases(yifa, officer, { limit: 20 });
  for (const c of cases.items) {
    const draft = await draftExplanation(yifa, officer, {
      caseId: c.id,
      title: `以案释法：${c.title.replace(/[^\p{Script=Han}]/gu, '').slice(0, 6) || '一起行政处罚案件'}的法律规定`,
      body:
        '【案情简介】当事人在本镇辖区内实施了违法行为，经执法人员现场检查、调查取证，本机关依法作出行政处罚决定，当事人已履行。\n' +
        '【释法说理】行政处罚法规定，违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚；初次违法且危害后果轻微并及时改正的，可以不予行政处罚。本案当事人经责令改正后仍未改正，依法应当给予处罚。\n' +
        '【典型意义】提醒群众自觉遵守法律法规，发现违法行为可通过 12345 热线投诉举报。',
    }).catch(() => null);
    if (!draft) continue;
    await submitExplanation(yifa, officer, draft.id);
    await decideExplanation(yifa, head, draft.id, { approve: true, note: '同意发布' });
    await publishExplanation(yifa, officer, draft.id);
    break;
  }

  await addEntry(yifa, head, {
    agencyId: agency.id,
    category: 'functions',
    title: '秀山县妙泉镇人民政府机构职能及执法主体信息',
    publishedOn: yifa.clock.today(),
    link: '/portal/agencies',
    file: null,
  });
  await addEntry(yifa, head, {
    agencyId: agency.id,
    category: 'regulations',
    title: '妙泉镇行政规范性文件目录',
    publishedOn: yifa.clock.today(),
    link: '/portal/normative-documents',
    file: null,
  });
  await addEntry(yifa, head, {
    agencyId: agency.id,
    category: 'enforcement',
    title: '妙泉镇行政处罚决定公示',
    publishedOn: yifa.clock.today(),
    link: '/portal/decisions',
    file: null,
  });
  await syncCatalog(yifa);
}
