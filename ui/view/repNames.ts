import type { Locale } from '../../engine/i18n/locale.ts';

// Given names and surnames for the team's reps: a rep is a person to coach, not an id.
const SURNAMES: readonly (readonly [string, string, string])[] = [
  ['王', '王', 'Wang'], ['李', '李', 'Li'], ['张', '張', 'Zhang'], ['刘', '劉', 'Liu'], ['陈', '陳', 'Chen'],
  ['杨', '楊', 'Yang'], ['赵', '趙', 'Zhao'], ['黄', '黃', 'Huang'], ['周', '周', 'Zhou'], ['吴', '吳', 'Wu'],
  ['徐', '徐', 'Xu'], ['孙', '孫', 'Sun'], ['马', '馬', 'Ma'], ['朱', '朱', 'Zhu'], ['胡', '胡', 'Hu'],
  ['郭', '郭', 'Guo'], ['何', '何', 'He'], ['林', '林', 'Lin'], ['罗', '羅', 'Luo'], ['高', '高', 'Gao'],
];
const GIVEN: readonly (readonly [string, string, string])[] = [
  ['磊', '磊', 'Lei'], ['静', '靜', 'Jing'], ['伟', '偉', 'Wei'], ['敏', '敏', 'Min'], ['洋', '洋', 'Yang'],
  ['婷', '婷', 'Ting'], ['强', '強', 'Qiang'], ['丽', '麗', 'Li'], ['军', '軍', 'Jun'], ['芳', '芳', 'Fang'],
  ['浩', '浩', 'Hao'], ['娜', '娜', 'Na'], ['杰', '傑', 'Jie'], ['雪', '雪', 'Xue'], ['斌', '斌', 'Bin'],
  ['琳', '琳', 'Lin'], ['涛', '濤', 'Tao'], ['倩', '倩', 'Qian'], ['鹏', '鵬', 'Peng'], ['悦', '悅', 'Yue'],
];

/** A small string hash (FNV-1a): the same rep id always gets the same name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A rep's name in the reader's script: 王磊 / 王磊 / Wang Lei. */
export function repName(repId: string, locale: Locale): string {
  // Founding reps (…-r01, …-r02) walk the lists in order so a team never repeats a name.
  const seat = /-r(\d+)$/.exec(repId);
  const n = seat ? Number(seat[1]) - 1 : hash(repId);
  const surname = SURNAMES[(n * 7 + 3) % SURNAMES.length]!;
  const given = GIVEN[(n * 11 + (seat ? 0 : 5)) % GIVEN.length]!;
  if (locale === 'en') return `${surname[2]} ${given[2]}`;
  const i = locale === 'zh-CN' ? 0 : 1;
  return `${surname[i]}${given[i]}`;
}
