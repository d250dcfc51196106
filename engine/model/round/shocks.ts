import type { ShockSpec } from '../scenario.ts';
import type { RoundContext, Work } from './context.ts';

/** Starts the shocks due this round (scheduled or injected), drops ended ones and sums their effects. */
export function applyShocks(w: Work, ctx: RoundContext): void {
  const due: ShockSpec[] = [...ctx.scenario.shocks.filter((s) => s.round === ctx.round), ...ctx.injected];
  for (const s of due) {
    w.shocks.push({
      id: s.id,
      kind: s.kind,
      territory: s.territory,
      magnitudePm: s.magnitudePm,
      fromRound: ctx.round,
      toRound: ctx.round + Math.max(1, s.duration) - 1,
    });
  }
  for (let i = w.shocks.length - 1; i >= 0; i--) if (w.shocks[i]!.toRound < ctx.round) w.shocks.splice(i, 1);

  // Firms scheduled to enter, and digital entrants brought in by a shock.
  w.firms.forEach((f, fi) => {
    const spec = ctx.scenario.firms[fi]!;
    if (f.kind !== 'team' && !f.active && !f.ai.exited && spec.entersRound === ctx.round) f.active = true;
  });

  const effects = ctx.shock;
  for (const s of w.shocks) {
    const hits = (ti: number) => s.territory === '' || w.territories[ti]!.id === s.territory;
    switch (s.kind) {
      case 'supply-disruption':
        w.firms.forEach((f, fi) => {
          if (f.kind === 'team') effects.capacityPm[fi] = Math.min(effects.capacityPm[fi]!, s.magnitudePm);
        });
        break;
      case 'downturn':
        effects.macroPm = Math.round((effects.macroPm * Math.max(0, 1000 - s.magnitudePm)) / 1000);
        break;
      case 'policy-support':
        w.territories.forEach((_, ti) => {
          if (hits(ti)) effects.demandPm[ti] = effects.demandPm[ti]! + s.magnitudePm;
        });
        break;
      case 'technology-upgrade':
        w.territories.forEach((_, ti) => {
          if (hits(ti)) effects.premiumAddPm[ti] = effects.premiumAddPm[ti]! + s.magnitudePm;
        });
        break;
      case 'price-war':
        effects.priceWar = true;
        break;
      case 'rep-poaching':
        effects.attritionPm = Math.max(effects.attritionPm, s.magnitudePm);
        break;
      case 'digital-entrant':
        w.firms.forEach((f) => {
          if (f.kind === 'digital' && !f.ai.exited) f.active = true;
        });
        break;
    }
  }
}
