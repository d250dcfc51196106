/**
 * Every coefficient of the market model, with the defaults of shared/MODEL.md. A scenario may
 * override any of them; the bot suite tunes the ones MODEL.md gives no source for.
 * Units are in the names: Bp = basis points (1/10000), Pm = per mille, Yuan, Hours, Rounds.
 */
export interface Coefficients {
  readonly demand: {
    /** Share of potential taken up at the start, which fixes A0 in ΣA / (ΣA + A0). */
    readonly takeUpAtStartBp: number;
    /** Smallest share of potential a territory keeps however little anyone sells there. */
    readonly floorTakeUpBp: number;
    /**
     * Share of wallet: a long-tail customer buys (A_f / Ā)^k of its needs from its supplier f,
     * k = walletExponentPm/1000, Ā the mean attraction of the firms selling in the territory,
     * within walletMinPm–walletMaxPm. Customers multi-source, so price and effort move volume at
     * once, not only when a customer switches.
     */
    readonly walletExponentPm: number;
    readonly walletMinPm: number;
    readonly walletMaxPm: number;
  };
  readonly effort: {
    /** Call-units a rep has in a round. */
    readonly repCapacityHours: number;
    /** Travel cost of one call-unit in tiers 1–2; tier 3–4 calls cost `remoteCallFactorPm`‰ of it. */
    readonly callCostYuan: number;
    readonly remoteCallFactorPm: number;
    /** What a call-unit past a rep's capacity is worth, ‰ of one within it: tired reps sell less per call. */
    readonly overtimeEffectPm: number;
    /** Pay for a call-unit past capacity, ‰ of an ordinary hour's share of the salary (China's Labour Law, art. 44: at least 150%). */
    readonly overtimePayPm: number;
  };
  readonly attraction: {
    readonly effortWeightPm: number;
    /** Effort (effective hours per 1,000 customers) at which the effort term is half its maximum. */
    readonly effortHalfHours: number;
    readonly promoWeightPm: number;
    /** Promotion yuan per 1,000 customers at which the promotion term is half its maximum. */
    readonly promoHalfYuan: number;
    readonly coverageWeightPm: number;
    readonly relationshipWeightPm: number;
    /** Price exponent e by tier 1, 2, 3–4. */
    readonly priceExponent: readonly [number, number, number];
  };
  readonly stocks: {
    readonly awarenessGainPm: number;
    readonly awarenessDecayPm: number;
    readonly coverageSpeedPm: number;
    /** Channel yuan + call-units per 1,000 customers at which coverage's target is half. */
    readonly coverageHalf: number;
  };
  readonly funnel: {
    /** Base pass rates lead→qualified, qualified→proposal, proposal→negotiation, negotiation→won. */
    readonly passBp: readonly [number, number, number, number];
    readonly prospectingModPm: number;
    readonly toolkitBonusBp: number;
    /** Cold leads a round per 1,000 customers at full prospecting response. */
    readonly leadsPerThousand: number;
    /** Prospecting hours per 1,000 customers at which lead generation is half its maximum. */
    readonly prospectingHalfHours: number;
    /** Share of customers in play (switching or unserved) who approach firms, split by attraction; they enter at the proposal stage. */
    readonly inboundBp: number;
    readonly legalPerWeek: number;
    readonly legalGraceWeeks: number;
    readonly legalPenaltyBpPerWeek: number;
    readonly templateCutBp: number;
  };
  readonly delivery: {
    readonly capacityBp: number;
    readonly goodwillStart: number;
    readonly goodwillP1: number;
    readonly goodwillP2: number;
    readonly goodwillRegen: number;
    readonly goodwillFloor: number;
    /** Of unfilled orders, the share kept as backlog; the rest is lost to rivals. */
    readonly backlogBp: number;
    /** Expedited supply bought with contingency: units per 1,000 yuan. */
    readonly expediteUnitsPerThousandYuan: number;
  };
  readonly customers: {
    readonly csatWeights: readonly [number, number, number, number];
    readonly csatSpeedPm: number;
    readonly complaintRateBp: number;
    readonly complaintCsatLt: number;
    readonly complaintCsatKa: number;
    /** LT churn a round at the 60–79 CSAT multiplier of 1. */
    readonly churnBaseBp: number;
    /** Churn multipliers (‰) for CSAT < 40, 40–59, 60–79, ≥ 80. */
    readonly churnMultiplierPm: readonly [number, number, number, number];
    /** Customers who look around each round even when content, before the CSAT multiplier. */
    readonly switchingBp: number;
    readonly renewalEarliestRounds: number;
    readonly renewalLatestRounds: number;
    readonly lateRenewalRivalBp: number;
    /** Development stock (0–1000) moves this share of the way to what the round's development sustains. */
    readonly developmentSpeedPm: number;
    /** Effective development hours per 1,000 long-tail customers at which that target is half-way. */
    readonly developmentHalfHours: number;
    /** A top-decile customer qualifies for key-account status at this CSAT, once the stock reaches `upgradeStockMin`. */
    readonly upgradeCsatMin: number;
    readonly upgradeStockMin: number;
    /** Development stock an upgrade uses up. */
    readonly upgradeStockCost: number;
    /** Customers a firm may propose for key-account status in a territory a round, and upgraded accounts it may hold there. */
    readonly maxUpgradesPerRound: number;
    readonly maxUpgradedPerTerritory: number;
    readonly upgradeRampRounds: number;
    /** CSAT an upgraded customer that did not qualify loses on arrival. */
    readonly upgradeMisfitCsat: number;
    /** Share of wallet an upgraded customer adds once it is looked after as a key account, ‰. */
    readonly upgradeWalletGainPm: number;
    /** A key account buys (careFloorPm + careSlopePm·CSAT)‰ of its contracted volume (1000‰ at CSAT 80, at most 1100‰). */
    readonly careFloorPm: number;
    readonly careSlopePm: number;
    /** Call-units a key account needs from its owner a round: base plus so many per 100 units of volume, at most the max. */
    readonly kaServiceBaseHours: number;
    readonly kaServiceHoursPer100Units: number;
    readonly kaServiceMaxHours: number;
    /** Below this CSAT a key account listens to rivals before its contract ends. */
    readonly contestCsatBelow: number;
    /** How decisively a buyer picks the best offer: chances ∝ U^contestSharpness. */
    readonly contestSharpness: number;
    /**
     * A buyer splits its orders when the incumbent and a rival are too close to call: the
     * runner-up's weight U within splitWithinPm ‰ of the chosen offer's gets splitSharePm ‰ of
     * the orders; a split supplier comes to the next contest with splitFootholdRelationship.
     */
    readonly splitWithinPm: number;
    readonly splitSharePm: number;
    readonly splitFootholdRelationship: number;
    /** The incumbent's hold on its account: its offer counts (1 + loyaltyPm/1000 · (CSAT − 50)/50) times (at least half). */
    readonly loyaltyPm: number;
    /**
     * In the negotiation room, what each 10 points of relationship the defending offer's firm
     * holds over the seller are worth to the buyer, ‰ of list: the premium it pays to stay (or
     * to switch to the better-known firm).
     */
    readonly roomRelationshipPer10Pm: number;
    readonly costToServeKaBp: number;
    readonly costToServeLtBp: number;
    readonly costToServeAutomatedBp: number;
    readonly automationYuanPerCustomer: number;
    readonly womPromoterPm: number;
    readonly womDetractorPm: number;
    readonly execHoursPerFivePoints: number;
    readonly clvDiscountBp: number;
  };
  readonly team: {
    readonly moraleBase: number;
    readonly workloadPenalty: number;
    readonly unfairPenalty: number;
    /** Morale points a round per 10 points of target above the band. */
    readonly stretchPenalty: number;
    readonly conflictPenaltyPm: number;
    /** Morale points for a rep whose attainment lands within 90–110% of quota, and off it below 80%. */
    readonly attainmentBonus: number;
    readonly missPenalty: number;
    readonly moraleSpeedPm: number;
    /** Incentives: ΔM*, half-life in rounds, effect ‰ on new / senior reps. */
    readonly incentives: {
      readonly recognition: Incentive;
      readonly development: Incentive;
      readonly longTerm: Incentive;
    };
    readonly incentiveCostYuan: number;
    readonly habituationPm: number;
    /** Chance a rep leaves in a round at morale 65, bp; it scales by 1 + attritionMoralePm/1000 per point of morale below 65 (within 0.4–3.5). */
    readonly attritionBaseBp: number;
    readonly attritionMoralePm: number;
    readonly attritionOverloadBp: number;
    readonly attritionUnfairBp: number;
    readonly vacancyRounds: number;
    readonly rampStartPm: number;
    readonly rampRounds: number;
    readonly leaverRelationshipLoss: number;
    readonly leaverCsatLoss: number;
    /** Latent skill a full course (trainingFullHours) adds, scaled by the room left: gain·(1 − skill/100). */
    readonly trainingGain: number;
    readonly trainingFullHours: number;
    readonly trainingSpeedPm: number;
    /** Coaching speeds the transfer of trained skill into practice, and lifts the coached rep's morale. */
    readonly coachingPm: number;
    readonly coachingMorale: number;
    /** Selling efficiency per skill point, ‰: efficiency = skillBase + skill·skillSlope (‰). */
    readonly skillBasePm: number;
    readonly skillSlopePm: number;
    /** Incentives of the same kind within this many rounds habituate: each earlier one cuts the effect by habituationPm. */
    readonly habituationRounds: number;
    readonly skillDecayHalfLife: number;
    readonly trainingCostYuan: number;
    readonly mediationPm: number;
    readonly mediationCostYuan: number;
    /** Conflict starts to entrench above conflictEntrenchFrom and no longer fades on its own from conflictEntrenchedAt. */
    readonly conflictEntrenchFrom: number;
    readonly conflictEntrenchedAt: number;
    readonly repSalaryYuan: number;
    readonly hireCostYuan: number;
  };
  readonly kpi: {
    readonly weightsNew: KpiWeights;
    readonly weightsMature: KpiWeights;
    /**
     * How effort answers the target t against the baseline B (s = t/B − 1, σ the band):
     * below the baseline effort drops by sandbagEffortPm‰ per unit of s; inside the band it rises
     * to +bandEffortPm‰ at the band's top; past it, it falls by overStretchEffortPm‰ per unit,
     * never below effortFloorPm‰.
     */
    readonly sandbagEffortPm: number;
    readonly bandEffortPm: number;
    readonly overStretchEffortPm: number;
    readonly effortFloorPm: number;
    /** The operating margin the profit KPI is measured against, bp. */
    readonly marginTargetBp: number;
    /** The baseline re-bases every this many rounds when the market has moved by more than the band. */
    readonly rebaseRounds: number;
  };
  readonly competitors: {
    readonly brandReactionBp: number;
    readonly brandPriceMatchGapBp: number;
    readonly groupCampaignEvery: number;
    readonly groupCampaignRounds: number;
    readonly groupCampaignBoostPm: number;
    readonly digitalCoveragePerRound: number;
    readonly digitalExitShareBp: number;
    readonly digitalExitRound: number;
    readonly smeFloorPm: number;
    readonly crossIndustryShareBp: number;
    /** AI firms' offers for key accounts: the discount off their price when defending one they hold and when bidding for another, and the value their pitch shows, bp. */
    readonly aiDefendDiscountBp: number;
    readonly aiBidDiscountBp: number;
    readonly aiOfferValueBp: number;
  };
  readonly finance: {
    /** Overheads a round per firm not tied to a budget line. */
    readonly overheadYuan: number;
    /** Office, cars and administration a round per rep of the starting team. */
    readonly overheadPerRepYuan: number;
    /** Sales commission, bp of revenue. */
    readonly commissionBp: number;
    readonly marketIntelligenceYuan: number;
    readonly toolkitYuan: number;
    readonly templatesYuan: number;
  };
}

export interface Incentive {
  readonly moralePoints: number;
  readonly halfLifeRounds: number;
  readonly newRepPm: number;
  readonly seniorRepPm: number;
}

/** Balanced-scorecard weights a territory's stage puts on KPIs (sum 100). */
export interface KpiWeights {
  readonly coverage: number;
  readonly revenue: number;
  readonly newAccounts: number;
  readonly profit: number;
  readonly retention: number;
  readonly share: number;
}

export const DEFAULT_COEFFICIENTS: Coefficients = {
  demand: { takeUpAtStartBp: 8500, floorTakeUpBp: 3000, walletExponentPm: 800, walletMinPm: 500, walletMaxPm: 1500 },
  effort: { repCapacityHours: 64, callCostYuan: 120, remoteCallFactorPm: 1500, overtimeEffectPm: 500, overtimePayPm: 1500 },
  attraction: {
    effortWeightPm: 10000,
    effortHalfHours: 600,
    promoWeightPm: 1500,
    promoHalfYuan: 40000,
    coverageWeightPm: 1500,
    relationshipWeightPm: 500,
    priceExponent: [2, 3, 4],
  },
  stocks: { awarenessGainPm: 250, awarenessDecayPm: 40, coverageSpeedPm: 150, coverageHalf: 300 },
  funnel: {
    passBp: [3000, 5000, 6000, 4500],
    prospectingModPm: 300,
    toolkitBonusBp: 1000,
    leadsPerThousand: 400,
    prospectingHalfHours: 150,
    inboundBp: 5000,
    legalPerWeek: 3,
    legalGraceWeeks: 2,
    legalPenaltyBpPerWeek: 500,
    templateCutBp: 6000,
  },
  delivery: {
    capacityBp: 11000,
    goodwillStart: 60,
    goodwillP1: 15,
    goodwillP2: 8,
    goodwillRegen: 4,
    goodwillFloor: 20,
    backlogBp: 5000,
    expediteUnitsPerThousandYuan: 4,
  },
  customers: {
    csatWeights: [35, 25, 20, 20],
    csatSpeedPm: 300,
    complaintRateBp: 200,
    complaintCsatLt: 5,
    complaintCsatKa: 10,
    churnBaseBp: 60,
    churnMultiplierPm: [3000, 1500, 1000, 400],
    switchingBp: 250,
    renewalEarliestRounds: 6,
    renewalLatestRounds: 3,
    lateRenewalRivalBp: 500,
    developmentSpeedPm: 300,
    developmentHalfHours: 25,
    upgradeCsatMin: 70,
    upgradeStockMin: 300,
    upgradeStockCost: 200,
    maxUpgradesPerRound: 1,
    maxUpgradedPerTerritory: 4,
    upgradeRampRounds: 3,
    upgradeWalletGainPm: 500,
    upgradeMisfitCsat: 15,
    careFloorPm: 360,
    careSlopePm: 8,
    kaServiceBaseHours: 2,
    kaServiceHoursPer100Units: 1,
    kaServiceMaxHours: 10,
    contestCsatBelow: 60,
    contestSharpness: 3,
    splitWithinPm: 900,
    splitSharePm: 300,
    splitFootholdRelationship: 40,
    loyaltyPm: 400,
    roomRelationshipPer10Pm: 42,
    costToServeKaBp: 800,
    costToServeLtBp: 1000,
    costToServeAutomatedBp: 500,
    automationYuanPerCustomer: 40,
    womPromoterPm: 20,
    womDetractorPm: 30,
    execHoursPerFivePoints: 4,
    clvDiscountBp: 100,
  },
  team: {
    moraleBase: 65,
    workloadPenalty: 40,
    unfairPenalty: 25,
    stretchPenalty: 6,
    conflictPenaltyPm: 300,
    attainmentBonus: 5,
    missPenalty: 4,
    moraleSpeedPm: 300,
    incentives: {
      recognition: { moralePoints: 4, halfLifeRounds: 1, newRepPm: 1000, seniorRepPm: 1000 },
      development: { moralePoints: 7, halfLifeRounds: 4, newRepPm: 1500, seniorRepPm: 800 },
      longTerm: { moralePoints: 5, halfLifeRounds: 8, newRepPm: 800, seniorRepPm: 1500 },
    },
    incentiveCostYuan: 3000,
    habituationPm: 400,
    attritionBaseBp: 175,
    attritionMoralePm: 30,
    attritionOverloadBp: 100,
    attritionUnfairBp: 200,
    vacancyRounds: 2,
    rampStartPm: 300,
    rampRounds: 6,
    leaverRelationshipLoss: 20,
    leaverCsatLoss: 10,
    trainingGain: 20,
    trainingFullHours: 6,
    trainingSpeedPm: 500,
    coachingPm: 1600,
    coachingMorale: 2,
    skillBasePm: 400,
    skillSlopePm: 8,
    habituationRounds: 5,
    skillDecayHalfLife: 6,
    trainingCostYuan: 4000,
    mediationPm: 500,
    mediationCostYuan: 5000,
    conflictEntrenchFrom: 30,
    conflictEntrenchedAt: 68,
    repSalaryYuan: 15000,
    hireCostYuan: 20000,
  },
  kpi: {
    weightsNew: { coverage: 40, revenue: 25, newAccounts: 25, profit: 10, retention: 0, share: 0 },
    weightsMature: { coverage: 0, revenue: 20, newAccounts: 0, profit: 40, retention: 25, share: 15 },
    sandbagEffortPm: 500,
    bandEffortPm: 140,
    overStretchEffortPm: 600,
    effortFloorPm: 850,
    marginTargetBp: 1200,
    rebaseRounds: 3,
  },
  competitors: {
    brandReactionBp: 2500,
    brandPriceMatchGapBp: 1000,
    groupCampaignEvery: 6,
    groupCampaignRounds: 3,
    groupCampaignBoostPm: 1300,
    digitalCoveragePerRound: 40,
    digitalExitShareBp: 800,
    digitalExitRound: 12,
    smeFloorPm: 750,
    crossIndustryShareBp: 1000,
    aiDefendDiscountBp: 300,
    aiBidDiscountBp: 500,
    aiOfferValueBp: 400,
  },
  finance: { overheadYuan: 30000, overheadPerRepYuan: 60000, commissionBp: 700, marketIntelligenceYuan: 20000, toolkitYuan: 15000, templatesYuan: 10000 },
};
