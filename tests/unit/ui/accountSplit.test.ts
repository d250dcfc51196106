import { describe, expect, it } from 'vitest';
import { t } from '../../../ui/i18n/t.ts';
import { splitParams, suppliersLabel } from '../../../ui/view/accountSplit.ts';

const names = ['悦海科技', '熊猫队'];
const firm = (i: number) => names[i] ?? '—';

describe('an account whose buyer split its orders', () => {
  it('names both suppliers with their shares, and one supplier alone otherwise', () => {
    expect(suppliersLabel('zh-CN', { supplier: 0, split: { firm: 1, sharePm: 300 } }, firm)).toBe('悦海科技（70%）与熊猫队（30%）');
    expect(suppliersLabel('zh-TW', { supplier: 0, split: { firm: 1, sharePm: 300 } }, firm)).toBe('悦海科技（70%）與熊猫队（30%）');
    expect(suppliersLabel('en', { supplier: 1, split: { firm: 0, sharePm: 300 } }, firm)).toBe('熊猫队 (70%) and 悦海科技 (30%)');
    expect(suppliersLabel('en', { supplier: 1 }, firm)).toBe('熊猫队');
  });

  it('tells the split in the results line, in whole percent', () => {
    const params = { account: '东湖商场', to: firm(0), from: firm(0), ...splitParams('zh-CN', { firm: 1, sharePm: 300 }, firm) };
    expect(t('zh-CN', 'account-event.split', params)).toBe('东湖商场拆分了订单：熊猫队供应30%，其余由悦海科技供应。');
    expect(t('en', 'account-event.split', { ...params, ...splitParams('en', { firm: 1, sharePm: 300 }, firm) })).toBe('东湖商场 split its orders: 熊猫队 supplies 30%, 悦海科技 the rest.');
    expect(splitParams('en', undefined, firm)).toEqual({});
  });
});
