/** One-line summaries of a parameter's uncertainty (pure: tested in Node): `三角分布 80–120，最可能 100`. */
import type { Dist } from '../../model';
import { formatExact, type Lang, type Translate } from '../../i18n';

/** Returns the uncertainty of a parameter in one line, values written as the fields show them. */
export function distSummary(d: Dist, lang: Lang, t: Translate): string {
  const v = (x: number) => formatExact(x, lang);
  const zh = lang === 'zh-CN';
  const sep = zh ? '，' : ', ';
  switch (d.kind) {
    case 'fixed':
      return t('distSummaryFixed');
    case 'uniform':
      return `${t('dist_uniform')} ${v(d.min)}–${v(d.max)}`;
    case 'triangular':
      return `${t('dist_triangular')} ${v(d.min)}–${v(d.max)}${sep}${t('mode')} ${v(d.mode)}`;
    case 'normal':
      return `${t('dist_normal')}${zh ? ' ' : ', '}${t('mean')} ${v(d.mean)}${sep}${t('sd')} ${v(d.sd)}`;
    case 'lognormal':
      return `${t('dist_lognormal')}${zh ? ' ' : ', '}${t('median')} ${v(d.median)}${sep}${t('sigma')} ${v(d.sigma)}`;
    default:
      return d satisfies never;
  }
}
