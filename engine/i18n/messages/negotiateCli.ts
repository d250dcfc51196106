import type { MessageCatalog } from '../translate.ts';

/** The terminal negotiation (npm run negotiate) and how prices and figures read in a conversation. */
export const negotiateCliMessages: MessageCatalog = {
  en: {
    'price.per-unit': '{amount} yuan a unit',
    'negotiate.usage':
      'usage: npm run negotiate -- --account <id> [--scenario <id|file>] [--seed <s>] [--lang zh-CN|zh-TW|en] [--out <log.jsonl>]',
    'negotiate.accounts': 'key accounts of this scenario (contract end): {list}',
    'negotiate.intro': 'Round {round}: the contract with {account} ({volume} units a round) is up for renewal. You sit down with its buyer.',
    'negotiate.status': '[perceived value +{pv}% · trust {trust} · your ask {ask} · buyer {counter} · moves {moves}]',
    'negotiate.none': 'none yet',
    'negotiate.prompt': 'your move> ',
    'negotiate.moves': 'moves now: {moves}',
    'negotiate.help':
      'situation | problem <pain> | implication <pain> | need-payoff <pain> | fabe <attribute> [pain] | redirect <attribute> | quote <‰ of list> | discount <bp> | tiered <bp> | bundle <yuan> | warranty <yuan> | staged | trade term|volume|prepayment | accept | walk | help | quit\npains: {pains}\nattributes: {attributes}',
    'negotiate.unknown': 'not a move: "{input}" (type help)',
    'negotiate.refused': 'refused: {reason}',
    'negotiate.deal': 'Deal at {price}. At round close the account signs with {firm} at {net} net of concessions.',
    'negotiate.no-deal': 'No deal. At round close the account goes to {firm}.',
    'negotiate.score': 'negotiation score {score} / 100',
    'negotiate.saved': 'log: {file} ({events} events, head {head}); check it with: npm run replay -- verify {file}',
    'negotiate.quit': 'You leave the table; the buyer takes its alternative.',
  },
  'zh-CN': {
    'price.per-unit': '每件 {amount} 元',
    'negotiate.usage':
      '用法：npm run negotiate -- --account <客户编号> [--scenario <编号|文件>] [--seed <种子>] [--lang zh-CN|zh-TW|en] [--out <日志.jsonl>]',
    'negotiate.accounts': '本情景的关键客户（合同到期回合）：{list}',
    'negotiate.intro': '第 {round} 回合：与 {account}（每回合 {volume} 件）的合同即将到期。你与对方的采购负责人坐下来谈。',
    'negotiate.status': '［感知价值 +{pv}% · 信任 {trust} · 你的报价 {ask} · 对方 {counter} · 已用 {moves} 步］',
    'negotiate.none': '尚未报价',
    'negotiate.prompt': '你的动作> ',
    'negotiate.moves': '现在可用：{moves}',
    'negotiate.help':
      'situation 现状提问 | problem <痛点> | implication <痛点> | need-payoff <痛点> | fabe <属性> [痛点] | redirect <属性> | quote <定价的千分比> | discount <基点> | tiered <基点> | bundle <元> | warranty <元> | staged 分批交付 | trade term|volume|prepayment | accept 接受还价 | walk 离场 | help | quit\n痛点：{pains}\n属性：{attributes}',
    'negotiate.unknown': '不是有效动作：“{input}”（输入 help 查看）',
    'negotiate.refused': '未被接受：{reason}',
    'negotiate.deal': '以 {price} 成交。回合结束时，该客户与 {firm} 签约，扣除让步成本后为 {net}。',
    'negotiate.no-deal': '未能成交。回合结束时，该客户转向 {firm}。',
    'negotiate.score': '谈判得分 {score} / 100',
    'negotiate.saved': '日志：{file}（{events} 个事件，末端哈希 {head}）；校验：npm run replay -- verify {file}',
    'negotiate.quit': '你离开了谈判桌；对方选择了备选方案。',
  },
  'zh-TW': {
    'price.per-unit': '每件 {amount} 元',
    'negotiate.usage':
      '用法：npm run negotiate -- --account <客戶編號> [--scenario <編號|檔案>] [--seed <種子>] [--lang zh-CN|zh-TW|en] [--out <日誌.jsonl>]',
    'negotiate.accounts': '本情境的關鍵客戶（合約到期回合）：{list}',
    'negotiate.intro': '第 {round} 回合：與 {account}（每回合 {volume} 件）的合約即將到期。你與對方的採購負責人坐下來談。',
    'negotiate.status': '［感知價值 +{pv}% · 信任 {trust} · 你的報價 {ask} · 對方 {counter} · 已用 {moves} 步］',
    'negotiate.none': '尚未報價',
    'negotiate.prompt': '你的動作> ',
    'negotiate.moves': '現在可用：{moves}',
    'negotiate.help':
      'situation 現狀提問 | problem <痛點> | implication <痛點> | need-payoff <痛點> | fabe <屬性> [痛點] | redirect <屬性> | quote <定價的千分比> | discount <基點> | tiered <基點> | bundle <元> | warranty <元> | staged 分批交貨 | trade term|volume|prepayment | accept 接受還價 | walk 離場 | help | quit\n痛點：{pains}\n屬性：{attributes}',
    'negotiate.unknown': '不是有效動作：「{input}」（輸入 help 查看）',
    'negotiate.refused': '未被接受：{reason}',
    'negotiate.deal': '以 {price} 成交。回合結束時，該客戶與 {firm} 簽約，扣除讓步成本後為 {net}。',
    'negotiate.no-deal': '未能成交。回合結束時，該客戶轉向 {firm}。',
    'negotiate.score': '談判得分 {score} / 100',
    'negotiate.saved': '日誌：{file}（{events} 個事件，末端雜湊 {head}）；驗證：npm run replay -- verify {file}',
    'negotiate.quit': '你離開了談判桌；對方選擇了備選方案。',
  },
};
