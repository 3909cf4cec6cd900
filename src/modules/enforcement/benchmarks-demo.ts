/**
 * A starting 裁量基准 for township comprehensive enforcement and two county departments,
 * after the statutes' own ranges. Agencies replace it with their published benchmarks
 * (Art 34 requires them to be public); the amounts are in fen.
 */
import type { ViolationType } from './discretion.js';

const yuan = (n: number) => n * 100;

export const DEMO_BENCHMARKS: ViolationType[] = [
  {
    id: 'wild-fire',
    name: '森林防火期内未经批准擅自在森林防火区内野外用火',
    field: '综合行政执法',
    violates: '《森林防火条例》第二十五条',
    penalisedBy: '《森林防火条例》第五十条',
    statutoryFineFen: { citizen: { min: yuan(200), max: yuan(3000) }, organisation: { min: yuan(10_000), max: yuan(50_000) } },
    seriousHarmPossible: false,
    circumstances: [
      { id: 'minor', name: '轻微', description: '初次用火，未造成损失，及时熄灭', kinds: ['warning'] },
      {
        id: 'ordinary',
        name: '一般',
        description: '用火面积较小，未造成森林火灾',
        kinds: ['warning', 'fine'],
        fineFen: { citizen: { min: yuan(200), max: yuan(1000) }, organisation: { min: yuan(10_000), max: yuan(20_000) } },
      },
      {
        id: 'serious',
        name: '严重',
        description: '多次用火或引发火情',
        kinds: ['warning', 'fine'],
        fineFen: { citizen: { min: yuan(1000), max: yuan(3000) }, organisation: { min: yuan(20_000), max: yuan(50_000) } },
      },
    ],
  },
  {
    id: 'straw-burning',
    name: '在人口集中地区等区域露天焚烧秸秆、落叶等产生烟尘污染的物质',
    field: '综合行政执法',
    violates: '《中华人民共和国大气污染防治法》第七十七条',
    penalisedBy: '《中华人民共和国大气污染防治法》第一百一十九条第一款',
    statutoryFineFen: { citizen: { min: yuan(500), max: yuan(2000) }, organisation: { min: yuan(500), max: yuan(2000) } },
    seriousHarmPossible: false,
    circumstances: [
      {
        id: 'ordinary',
        name: '一般',
        description: '焚烧量小，经劝阻立即停止',
        kinds: ['fine'],
        fineFen: { citizen: { min: yuan(500), max: yuan(1000) }, organisation: { min: yuan(500), max: yuan(1000) } },
      },
      {
        id: 'serious',
        name: '严重',
        description: '焚烧量大或经劝阻不停止',
        kinds: ['fine'],
        fineFen: { citizen: { min: yuan(1000), max: yuan(2000) }, organisation: { min: yuan(1000), max: yuan(2000) } },
      },
    ],
  },
  {
    id: 'waste-dumping',
    name: '随意倾倒、抛撒、堆放或者焚烧生活垃圾',
    field: '综合行政执法',
    violates: '《中华人民共和国固体废物污染环境防治法》第四十九条',
    penalisedBy: '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
    statutoryFineFen: { citizen: { min: yuan(100), max: yuan(500) }, organisation: { min: yuan(50_000), max: yuan(500_000) } },
    seriousHarmPossible: false,
    circumstances: [
      {
        id: 'minor',
        name: '轻微',
        description: '数量少，及时清理',
        kinds: ['warning', 'fine'],
        fineFen: { citizen: { min: yuan(100), max: yuan(200) }, organisation: { min: yuan(50_000), max: yuan(100_000) } },
      },
      {
        id: 'ordinary',
        name: '一般',
        description: '数量较多或影响环境卫生',
        kinds: ['fine'],
        fineFen: { citizen: { min: yuan(200), max: yuan(400) }, organisation: { min: yuan(100_000), max: yuan(300_000) } },
      },
      {
        id: 'serious',
        name: '严重',
        description: '拒不清理或多次违法',
        kinds: ['fine'],
        fineFen: { citizen: { min: yuan(400), max: yuan(500) }, organisation: { min: yuan(300_000), max: yuan(500_000) } },
      },
    ],
  },
  {
    id: 'illegal-building',
    name: '在乡、村庄规划区内未依法取得乡村建设规划许可证进行建设',
    field: '综合行政执法',
    violates: '《中华人民共和国城乡规划法》第四十一条',
    penalisedBy: '《中华人民共和国城乡规划法》第六十五条；《重庆市城乡规划条例》',
    // The national law sets no fine here; the range is the province's, which the agency enters from its own text.
    seriousHarmPossible: false,
    circumstances: [
      {
        id: 'correctable',
        name: '可改正',
        description: '尚可采取改正措施消除对规划实施的影响',
        kinds: ['warning', 'fine'],
        fineFen: { citizen: { min: yuan(1000), max: yuan(10_000) }, organisation: { min: yuan(10_000), max: yuan(100_000) } },
      },
      {
        id: 'serious',
        name: '严重',
        description: '无法采取改正措施，逾期不改正',
        kinds: ['fine', 'confiscate-property'],
        fineFen: { citizen: { min: yuan(10_000), max: yuan(50_000) }, organisation: { min: yuan(100_000), max: yuan(500_000) } },
      },
    ],
  },
  {
    id: 'hazard-unremoved',
    name: '生产经营单位未采取措施消除事故隐患',
    field: '应急管理',
    violates: '《中华人民共和国安全生产法》第四十一条',
    penalisedBy: '《中华人民共和国安全生产法》第一百零二条',
    statutoryFineFen: { organisation: { min: 0, max: yuan(50_000) } },
    seriousHarmPossible: true,
    circumstances: [
      {
        id: 'ordinary',
        name: '一般',
        description: '责令消除后按期消除',
        kinds: ['fine'],
        fineFen: { organisation: { min: yuan(10_000), max: yuan(50_000) } },
      },
      {
        id: 'refused',
        name: '拒不执行',
        description: '拒不执行消除隐患的指令（并对直接负责的主管人员另案处罚）',
        kinds: ['fine', 'suspend-business'],
        fineFen: { organisation: { min: yuan(30_000), max: yuan(50_000) } },
      },
    ],
  },
  {
    id: 'pollutant-discharge',
    name: '超过大气污染物排放标准排放大气污染物',
    field: '生态环境',
    violates: '《中华人民共和国大气污染防治法》第十八条',
    penalisedBy: '《中华人民共和国大气污染防治法》第九十九条',
    statutoryFineFen: { organisation: { min: yuan(100_000), max: yuan(1_000_000) } },
    seriousHarmPossible: true,
    circumstances: [
      {
        id: 'ordinary',
        name: '一般',
        description: '超标倍数低，及时整改',
        kinds: ['fine'],
        fineFen: { organisation: { min: yuan(100_000), max: yuan(300_000) } },
      },
      {
        id: 'serious',
        name: '严重',
        description: '超标倍数高或拒不整改',
        kinds: ['fine', 'suspend-business', 'close'],
        fineFen: { organisation: { min: yuan(300_000), max: yuan(1_000_000) } },
      },
    ],
  },
];
