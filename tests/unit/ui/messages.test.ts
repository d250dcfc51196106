import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../engine/i18n/locale.ts';
import { allMessages } from '../../../ui/i18n/t.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('UI messages', () => {
  it('every locale has every key, with the same placeholders, written in its own script', () => {
    const keys = Object.keys(allMessages.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(allMessages[locale]).sort(), locale).toEqual(keys);
      for (const key of keys) expect(placeholders(allMessages[locale][key]!), `${locale} ${key}`).toEqual(placeholders(allMessages.en[key]!));
    }
    // Anything with words in English has Chinese characters in both Chinese catalogs.
    for (const key of keys.filter((k) => /[a-z]{4}/i.test(allMessages.en[k]!))) {
      expect(allMessages['zh-CN'][key], key).toMatch(/[\u4e00-\u9fff]/);
      expect(allMessages['zh-TW'][key], key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every key the UI names literally exists', () => {
    const missing: string[] = [];
    for (const file of sources('ui')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\((?:locale|l|this\.locale), '([a-z][\w.-]*)'/g)) if (!(m[1]! in allMessages.en)) missing.push(`${file}: ${m[1]}`);
      if (file.includes('/view/')) for (const m of text.matchAll(/\bkey: '([a-z][\w.-]*)'/g)) if (!(m[1]! in allMessages.en)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('every key the UI builds from a value exists for every value', () => {
    const families: Record<string, readonly string[]> = {
      'account-event': ['renewed', 'lost', 'won', 'split', 'upgraded', 'churned'],
      busy: ['opening', 'resolving', 'finishing'],
      difficulty: ['easy', 'standard', 'hard'],
      'firm-kind': ['team', 'brand', 'group', 'digital', 'sme', 'cross-industry'],
      funnel: ['leads', 'qualified', 'proposals', 'negotiations', 'won'],
      incentive: ['recognition', 'development', 'longTerm'],
      light: ['green', 'yellow', 'red'],
      metric: ['revenue', 'profit', 'terminal', 'share', 'csatRetention', 'kpiScore', 'morale', 'repRetention', 'skillGain'],
      'negotiation-stage': ['discovery', 'proposal', 'objection', 'deal', 'noDeal'],
      perspective: ['financial', 'customer', 'process', 'learning'],
      section: ['reps', 'territories', 'pricing', 'team', 'accounts', 'negotiation'],
      segment: ['sme', 'young-digital', 'traditional'],
      signal: ['supply-disruption', 'downturn', 'policy-support', 'technology-upgrade', 'price-war', 'rep-poaching', 'digital-entrant'],
      skill: ['prospecting', 'negotiation', 'accountManagement'],
      'territory-stage': ['new', 'growth', 'mature'],
      tier: ['1', '2', '3'],
      trade: ['term', 'volume', 'prepayment'],
      seller: ['situation', 'problem', 'implication', 'need-payoff', 'fabe.composed', 'fabe.composed-no-benefit', 'redirect', 'quote', 'discount', 'tiered', 'bundle', 'warranty', 'staged-delivery', 'trade', 'accept-counter', 'walk-away'],
      'move-hint': ['situation', 'problem', 'implication', 'need-payoff', 'fabe', 'redirect', 'quote', 'discount', 'tiered', 'bundle', 'warranty', 'staged-delivery', 'trade', 'accept-counter', 'walk-away'],
      pnl: ['revenue', 'cogs', 'salaries', 'overhead', 'travel', 'promotion', 'channel', 'automation', 'incentives', 'training', 'tools', 'mediation', 'expedite', 'hiring', 'costToServe', 'profit'],
      'negotiation.status': ['new', 'talking', 'deal', 'no-deal'],
      'negotiation.choose': ['pain', 'attribute', 'ask'],
      'negotiation.enter': ['price', 'percent', 'cost'],
      'form.hours': ['prospecting', 'accounts', 'longTail', 'development', 'training'],
      'form.upgrade-warning': ['no-room', 'no-candidates', 'unqualified'],
      'workshop.connection': ['online', 'connecting', 'offline'],
      'workshop.mode': ['shared', 'parallel', 'shared-help', 'parallel-help'],
      'workshop.board': ['ai-team', 'rival'],
      'workshop.shock-kind': ['supply-disruption', 'downturn', 'policy-support', 'technology-upgrade', 'price-war', 'rep-poaching', 'digital-entrant'],
      'workshop.shock-magnitude': ['supply-disruption', 'downturn', 'policy-support', 'technology-upgrade', 'price-war', 'rep-poaching', 'digital-entrant'],
    };
    const missing = Object.entries(families).flatMap(([family, values]) =>
      values.map((v) => (family.startsWith('negotiation.') ? `${family}-${v}` : `${family}.${v}`)).filter((key) => !(key in allMessages.en)),
    );
    expect(missing).toEqual([]);
  });
});
