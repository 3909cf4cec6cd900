/**
 * How the platform's own journal entries read (readable.ts): the journal's checks and
 * witnesses, the calendar, and the HTTP layer's refusals. A refused request names the
 * permission it lacked by its Chinese label, which the role table (every module's) knows.
 */
import { fieldsOf, line, shorten, type ActionTexts } from './readable.js';

const DENIAL_KINDS: Record<string, string> = {
  permission: '缺少权限',
  scope: '超出数据权限范围',
  csrf: '请求校验失败（CSRF）',
  'no-session': '未登录',
};

const VIA: Record<string, string> = { schedule: '定时核对', cli: '命令行', request: '办理时发现', api: '网页' };
const via = (v: unknown) => (typeof v === 'string' && Object.hasOwn(VIA, v) ? VIA[v] : null);

/** `permissions`: permission id → Chinese label, to name what a refused request lacked. */
export function platformActionTexts(permissions: Readonly<Record<string, string>>): ActionTexts {
  return {
    'access.denied': {
      title: '拒绝访问',
      summary: ({ payload }) => {
        const p = fieldsOf(payload);
        const kind = typeof p.kind === 'string' && Object.hasOwn(DENIAL_KINDS, p.kind) ? DENIAL_KINDS[p.kind] : null;
        const lacked = typeof p.permission === 'string' && Object.hasOwn(permissions, p.permission) ? permissions[p.permission] : null;
        return line([
          ['原因', kind],
          ['所需权限', lacked],
          ['说明', typeof p.reason === 'string' ? shorten(p.reason, 40) : null],
        ]);
      },
    },
    'input.refused': {
      title: '拒收含不安全字符的输入',
      summary: ({ payload }) =>
        line([['原因', typeof fieldsOf(payload).reason === 'string' ? shorten(String(fieldsOf(payload).reason), 40) : null]]),
    },
    'clock.advance': {
      title: '培训环境时钟前进',
      summary: ({ payload }) => {
        const p = fieldsOf(payload);
        return line([
          ['天数', typeof p.days === 'number' ? String(p.days) : null],
          ['至', typeof p.to === 'string' ? p.to.slice(0, 16).replace('T', ' ') : null],
        ]);
      },
    },
    'calendar.seed': {
      title: '载入节假日与调休安排',
      summary: ({ payload }) => {
        const years = fieldsOf(payload).years;
        return Array.isArray(years) && years.length ? `${years[0]}—${years.at(-1)} 年，共 ${String(fieldsOf(payload).days)} 天` : '';
      },
    },
    'calendar.year.set': {
      title: '设定年度节假日与调休',
      summary: ({ payload }) => {
        const p = fieldsOf(payload);
        return line([
          ['年度', p.year],
          ['天数', Array.isArray(p.days) ? p.days.length : null],
          ['说明', typeof p.note === 'string' ? shorten(p.note, 40) : null],
        ]);
      },
    },
    'projection.verify': {
      title: '核对业务记录与日志',
      summary: ({ payload }) => {
        const p = fieldsOf(payload);
        return line([
          ['方式', via(p.via)],
          ['结果', p.ok === true ? '一致' : p.ok === false ? '发现不一致' : null],
          ['记录数', p.records],
        ]);
      },
    },
    'integrity.projection-mismatch': {
      title: '发现业务记录与日志不一致',
      summary: ({ payload }) => {
        const p = fieldsOf(payload);
        return line([
          ['方式', via(p.via)],
          ['说明', typeof p.message === 'string' ? shorten(p.message, 60) : null],
        ]);
      },
    },
    'journal.witness.cosign': {
      title: '见证并副署他方日志检查点',
      summary: ({ payload }) => line([['日志规模', fieldsOf(payload).size]]),
    },
    'journal.witness.alert': {
      title: '见证告警：他方日志异常',
      summary: ({ payload }) => {
        const m = fieldsOf(payload).message;
        return typeof m === 'string' ? shorten(m, 80) : '';
      },
    },
  };
}
