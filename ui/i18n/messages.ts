import type { MessageCatalog } from '../../engine/i18n/translate.ts';

export const uiMessages: MessageCatalog = {
  en: {
    'app.title': 'Shapan',
    'app.tagline': 'A sand-table simulator for regional sales managers',
    'app.lead':
      'Run the sales organisation of one firm in a regional market: allocate reps and budget, set KPI targets, coach the team and negotiate with key accounts. Every session is a verifiable log that replays exactly.',
    'app.language': 'Language',
    'verify.title': 'Check a session log',
    'verify.help': 'Choose an exported .jsonl log. It is checked here in your browser, event by event; nothing is uploaded.',
    'verify.file': 'Log file',
    'verify.checking': 'Checking {name} …',
    'verify.unreadable': 'The file could not be read: {reason}',
  },
  'zh-CN': {
    'app.title': '沙盘',
    'app.tagline': '区域销售经理沙盘模拟',
    'app.lead':
      '经营一家公司在区域市场中的销售团队：分配销售代表与预算、设定 KPI 目标、辅导团队、与关键客户谈判。每一局都是可校验的日志，可以原样重放。',
    'app.language': '语言',
    'verify.title': '校验会话日志',
    'verify.help': '选择导出的 .jsonl 日志。它会在你的浏览器中逐个事件校验，不会上传任何内容。',
    'verify.file': '日志文件',
    'verify.checking': '正在校验 {name} …',
    'verify.unreadable': '无法读取该文件：{reason}',
  },
  'zh-TW': {
    'app.title': '沙盤',
    'app.tagline': '區域銷售經理沙盤模擬',
    'app.lead':
      '經營一家公司在區域市場中的銷售團隊：分配業務代表與預算、設定 KPI 目標、輔導團隊、與關鍵客戶談判。每一局都是可驗證的日誌，可以原樣重播。',
    'app.language': '語言',
    'verify.title': '驗證會話日誌',
    'verify.help': '選擇匯出的 .jsonl 日誌。它會在你的瀏覽器中逐個事件驗證，不會上傳任何內容。',
    'verify.file': '日誌檔案',
    'verify.checking': '正在驗證 {name} …',
    'verify.unreadable': '無法讀取該檔案：{reason}',
  },
};
