/** Which assumptions each cell shows, and the notes on what is data and what is assumption. */
import { paramsOf, isActive, resolveAnchors, type OutputId, type ParamDef, type TrafficFamily, type UsersFamily } from '../../model';
import type { MessageKey } from '../../i18n';

/**
 * The parameters shown in an output's cell under the given families (context parameters where they act). Fallback
 * starting values are shown only when the as-of date precedes the observation they stand in for.
 */
export function cellParams(id: OutputId, families: { users: UsersFamily; traffic: TrafficFamily }, asOf: string): ParamDef[] {
  const a = resolveAnchors(asOf, '2025-12');
  const needed = (p: ParamDef) =>
    !p.fallback ||
    (p.group === 'traffic_share'
      ? a.trafficObs === null
      : p.group === 'industry_vpn'
        ? a.vpnObs === null
        : p.group === 'iot_connections'
          ? a.iotConn === null
          : true);
  const own = (g: Parameters<typeof paramsOf>[0]) => paramsOf(g).filter((p) => isActive(p, families) && needed(p));
  const ctx = paramsOf('context');
  switch (id) {
    case 'user_penetration':
      return [ctx.find((p) => p.id === 'popGrowth')!];
    case 'users':
      return own('users');
    case 'traffic_share':
    case 'traffic_share_2027':
      return [...own('traffic_share'), ...(families.traffic === 'structural' ? [ctx.find((p) => p.id === 'subsGrowth')!] : [])];
    // The upgrade plan's penetration: the users model, the proxy gap and population.
    case 'personal_user_penetration':
      return [...own('users'), ...own('personal_user_penetration'), ctx.find((p) => p.id === 'popGrowth')!];
    case 'base_stations_per_10k_2027':
      return own('base_stations_per_10k');
    case 'industry_vpn_2027':
      return own('industry_vpn');
    default:
      return own(id);
  }
}

/** Notes shown in a cell about its data. */
export function cellNotes(id: OutputId): MessageKey[] {
  switch (id) {
    case 'users':
    case 'user_penetration':
      return ['usersProxyNote'];
    case 'traffic_share':
    case 'traffic_share_2027':
      return ['trafficNote'];
    case 'personal_user_penetration':
      return ['personalProxyNote'];
    case 'iot_connections':
      return ['iotConnNote'];
    case 'industrial_penetration_lm':
      return ['lmNote', 'noSeriesNote'];
    case 'edge_nodes':
    case 'scale_cities':
      return ['noSeriesNote'];
    case 'iot_growth':
      return ['iotNote', 'noSeriesNote'];
    case 'industrial_penetration':
    case 'benchmarks_per_industry':
    case 'solutions':
    case 'industry_standards':
    case 'security_demo_centers':
    case 'regional_benchmarks':
      return ['noSeriesNote'];
    default:
      return [];
  }
}
