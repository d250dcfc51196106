import { describe, expect, it } from 'vitest';
import { messages } from '../../engine/i18n/catalog.ts';
import { LOCALES, matchLocale } from '../../engine/i18n/locale.ts';
import { translate } from '../../engine/i18n/translate.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('every locale has every key, with the same placeholders', () => {
    const keys = Object.keys(messages.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(messages[locale]).sort(), locale).toEqual(keys);
      for (const key of keys) expect(placeholders(messages[locale][key]!), `${locale} ${key}`).toEqual(placeholders(messages.en[key]!));
    }
  });

  it('Chinese messages are written in Chinese, traditional ones in traditional characters', () => {
    for (const key of Object.keys(messages.en)) {
      expect(messages['zh-CN'][key], key).toMatch(/[\u4e00-\u9fff]/);
      expect(messages['zh-TW'][key], key).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(messages['zh-TW']['log.empty']).toContain('檔案');
  });

  it('matches browser and POSIX locale tags', () => {
    expect(matchLocale('zh-CN')).toBe('zh-CN');
    expect(matchLocale('zh_TW.UTF-8')).toBe('zh-TW');
    expect(matchLocale('zh-Hant-HK')).toBe('zh-TW');
    expect(matchLocale('zh-Hans')).toBe('zh-CN');
    expect(matchLocale('en-GB')).toBe('en');
    expect(matchLocale('fr-FR', 'zh-CN')).toBe('zh-CN');
    expect(matchLocale(undefined)).toBe('en');
  });

  it('falls back to English, then to the key', () => {
    expect(translate({ en: { a: 'A {x}' }, 'zh-CN': {}, 'zh-TW': {} }, 'zh-CN', 'a', { x: 1 })).toBe('A 1');
    expect(translate({ en: {}, 'zh-CN': {}, 'zh-TW': {} }, 'en', 'missing.key')).toBe('missing.key');
  });
});
