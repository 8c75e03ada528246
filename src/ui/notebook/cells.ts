/** Which assumptions each cell shows (the registry says), and the notes on what is data and what is assumption. */
import {
  cellParams as registryCellParams,
  resolveAnchors,
  type OutputId,
  type ParamDef,
  type TrafficFamily,
  type UsersFamily,
} from '../../model';
import type { MessageKey } from '../../i18n';

/**
 * The parameters shown in an output's cell under the given families (the registry's `cells`). Fallback starting
 * values are shown only when the as-of date precedes the observation they stand in for.
 */
export function cellParams(
  id: OutputId,
  families: { users: UsersFamily; traffic: TrafficFamily },
  asOf: string,
): ParamDef[] {
  const a = resolveAnchors(asOf, '2025-12');
  return registryCellParams(id, families, {
    trafficObs: a.trafficObs !== null,
    vpnObs: a.vpnObs !== null,
    iotConn: a.iotConn !== null,
  });
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
