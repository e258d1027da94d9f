import { alaska } from './us-ak';
import { alabama } from './us-al';
import { arkansas } from './us-ar';
import { arizona } from './us-az';
import { california, californiaBefore2026 } from './us-ca';
import { colorado } from './us-co';
import { connecticut } from './us-ct';
import { districtOfColumbia } from './us-dc';
import { delaware } from './us-de';
import { florida } from './us-fl';
import { georgia } from './us-ga';
import { guam } from './us-gu';
import { hawaii } from './us-hi';
import { iowa } from './us-ia';
import { idaho } from './us-id';
import { illinois } from './us-il';
import { indiana } from './us-in';
import { kansas } from './us-ks';
import { kentucky } from './us-ky';
import { louisiana } from './us-la';
import { massachusetts } from './us-ma';
import { maryland } from './us-md';
import { maine } from './us-me';
import { michigan } from './us-mi';
import { minnesota } from './us-mn';
import { missouri } from './us-mo';
import { mississippi } from './us-ms';
import { montana } from './us-mt';
import { northCarolina } from './us-nc';
import { northDakota } from './us-nd';
import { nebraska } from './us-ne';
import { newHampshire } from './us-nh';
import { newJersey } from './us-nj';
import { newMexico } from './us-nm';
import { nevada } from './us-nv';
import { newYork } from './us-ny';
import { ohio } from './us-oh';
import { oklahoma, oklahomaBefore2026 } from './us-ok';
import { oregon } from './us-or';
import { pennsylvania } from './us-pa';
import { puertoRico } from './us-pr';
import { rhodeIsland } from './us-ri';
import { southCarolina } from './us-sc';
import { southDakota } from './us-sd';
import { tennessee } from './us-tn';
import { texas } from './us-tx';
import { utah } from './us-ut';
import { virginia } from './us-va';
import { virginIslands } from './us-vi';
import { vermont } from './us-vt';
import { washington } from './us-wa';
import { wisconsin } from './us-wi';
import { westVirginia } from './us-wv';
import { wyoming } from './us-wy';
import type { UsJurisdiction } from '../../facts';
import type { StateRule } from '../types';

/**
 * Every state, DC, Puerto Rico, Guam and the U.S. Virgin Islands. A
 * jurisdiction may have several versions of its rule, each governing
 * breaches discovered from its `effectiveFrom`; American Samoa, the Northern
 * Mariana Islands and the minor outlying islands have no encoded rule.
 */
export const stateRules: readonly StateRule[] = [
  alaska,
  alabama,
  arkansas,
  arizona,
  california,
  californiaBefore2026,
  colorado,
  connecticut,
  districtOfColumbia,
  delaware,
  florida,
  georgia,
  guam,
  hawaii,
  iowa,
  idaho,
  illinois,
  indiana,
  kansas,
  kentucky,
  louisiana,
  massachusetts,
  maryland,
  maine,
  michigan,
  minnesota,
  missouri,
  mississippi,
  montana,
  northCarolina,
  northDakota,
  nebraska,
  newHampshire,
  newJersey,
  newMexico,
  nevada,
  newYork,
  ohio,
  oklahoma,
  oklahomaBefore2026,
  oregon,
  pennsylvania,
  puertoRico,
  rhodeIsland,
  southCarolina,
  southDakota,
  tennessee,
  texas,
  utah,
  virginia,
  virginIslands,
  vermont,
  washington,
  wisconsin,
  westVirginia,
  wyoming,
];

/**
 * The version of a jurisdiction's rule in force on the discovery date. A
 * discovery before the earliest encoded version gets that version, and the
 * caller says so: earlier law is not encoded.
 */
export function stateRuleFor(jurisdiction: UsJurisdiction, discoveryDate: string): StateRule | undefined {
  const versions = stateRules
    .filter((rule) => rule.jurisdiction === jurisdiction)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));

  return versions.find((rule) => rule.effectiveFrom <= discoveryDate) ?? versions.at(-1);
}
