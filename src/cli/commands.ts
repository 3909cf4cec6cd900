import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../platform/config.js';
import { serve } from './serve.js';
import { deadline } from './deadline.js';
import { journalVerify, journalCheckpoint, journalWitness } from './journal.js';
import { userCreate } from './user.js';
import { migrate, demo } from './setup.js';
import { exportCase } from './export.js';
import { evidencePurge, evidenceVerify } from './evidence.js';

export interface CommandContext {
  config: Config;
  values: Record<string, unknown>;
  positionals: string[];
}

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Resolves to the exit code; -1 means "keep running" (the server). */
  run(ctx: CommandContext): Promise<number>;
}

export const COMMANDS = {
  serve: {
    summary: '启动服务（--demo：数据库为空时载入示范镇 妙泉镇）',
    usage: '[--demo]',
    options: { demo: { type: 'boolean' } },
    run: serve,
  },
  migrate: { summary: '将数据库结构升级到最新版本', usage: '', options: {}, run: migrate },
  demo: { summary: '在空数据库中载入示范镇数据', usage: '', options: {}, run: demo },
  deadline: {
    summary: '计算法定期限，输出一个 JSON 对象',
    usage: '<规则> <YYYY-MM-DD>   例：yifa deadline penalty.hearing-request 2026-09-29',
    options: {},
    run: deadline,
  },
  'journal verify': {
    summary:
      '重新计算每条日志记录的哈希，对照签名检查点校验整个操作日志，再从日志重放每个案件并与数据库中的案件数据核对；--checkpoint 另对照一份保存在数据库之外的检查点（能发现连同检查点一起删除的日志尾部）。退出码：0 完好，1 发现问题（指出第一条），2 外部检查点无法读取',
    usage:
      '[--checkpoint 文件|URL]   文件：GET /api/v1/journal/checkpoint 的答复或见证方留存的记录（yifa journal witness 的输出）；URL：返回其一的 http(s) 地址，如 https://县司法局/api/v1/journal/witnessed?origin=本日志名',
    options: { checkpoint: { type: 'string' } },
    run: journalVerify,
  },
  'journal checkpoint': { summary: '为当前日志签发检查点', usage: '', options: {}, run: journalCheckpoint },
  'journal witness': {
    summary:
      '见证另一个 yifa 的日志：取其公钥和最新检查点，核对签名及与上次见证的一致性，用本系统的签名密钥联署并送回对方；首次见证时锁定对方公钥。退出码：0 已见证且对方已接受，1 告警（日志被截断、改写，公钥或签名不符），2 参数错误，3 未能完成（无法连接，或对方未接受见证签名）',
    usage:
      '<URL> [--accept-key 公钥ID]   URL：被见证的 yifa 的根地址，如 https://miaoquan.example.gov.cn；--accept-key：经线下核实后接受对方更换的公钥',
    options: { 'accept-key': { type: 'string' } },
    run: journalWitness,
  },
  'evidence verify': {
    summary: '重新计算每个证据文件的 SHA-256；有缺失或被改动的文件时以非零状态退出并逐一指出',
    usage: '',
    options: {},
    run: evidenceVerify,
  },
  'evidence purge': {
    summary: '清除已过保存期限（且不在复议、诉讼期内）的证据文件内容，保留哈希和保管记录；--dry-run 只列出不清除',
    usage: '[--dry-run]',
    options: { 'dry-run': { type: 'boolean' } },
    run: evidencePurge,
  },
  'export case': {
    summary: '导出案卷：案卷 PDF、文书原件（DOCX）、SHA-256 清单和每个操作对签名检查点的包含证明，打包为 ZIP',
    usage: '<案件ID> --out 文件.zip',
    options: { out: { type: 'string' } },
    run: exportCase,
  },
  'user create': {
    summary: '创建用户（生产环境用它创建第一个系统管理员）',
    usage: '--username NAME --name 显示名 --region 区划ID或名称 [--role admin] [--scope all] （密码从 YIFA_NEW_PASSWORD 或标准输入读取）',
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string' },
      role: { type: 'string', multiple: true },
      scope: { type: 'string' },
      'region-name': { type: 'string' },
    },
    run: userCreate,
  },
} as const satisfies Record<string, Command>;

export type CommandName = keyof typeof COMMANDS;
