import { describe, expect, it } from 'vitest';
import { formatPointsChange } from '../../../ui/view/format.ts';

describe('a change of a rate, in percentage points', () => {
  it('carries its sign and the unit a trainee reads, never a bare "+0"', () => {
    expect(formatPointsChange('zh-CN', 1.234)).toBe('+1.2个百分点');
    expect(formatPointsChange('zh-TW', -4)).toBe('−4個百分點');
    expect(formatPointsChange('en', 0.03)).toBe('+0.03 pts');
    expect(formatPointsChange('en', 0)).toBe('±0');
  });
});
