/* test-templates.c: the bundled templates load, validate and score known answers
 *
 * Copyright 2026 The GreenAssess authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case is an answers file tests/fixtures/templates/<id>/<case>.json
 * with its expected results in <case>.expected.json. The expected numbers
 * were worked out by hand, independently of the engine; the calculation of
 * each case is written out in the comment above its entry in the case
 * table below.
 *
 * Expected-results format: "score", "max", "veto" (pass/fail/pending),
 * "status" (complete/incomplete/na/error), "passed", "veto_failures" (ids),
 * "index" ([Y_I, Y_II, Y_III]), "level", and per id under "items",
 * "sections" and "outputs" the fields "score", "max", "status", "level",
 * "weight", "value". An output's or a value's expectation is a number, a
 * text, or one of the words "na", "blank", "error" for a value of that kind;
 * an output may also be an object with "value" and "status".
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "ga-engine.h"

static const char * const bundled_ids[] = {
  "annual-filing-green-factory",
  "cp-audit-hj469",
  "cp-custom",
  "cp-electroplating-2015",
  "cp-pcb",
  "energy-audit-gbt17166-2019",
  "energy-diagnosis-miit",
  "gbt36132-2018",
  "gbt36132-2025",
  "gf2025-aluminium",
  "gf2025-cement",
  "gf2025-chlor-alkali",
  "gf2025-flat-glass",
  "gf2025-paper",
  "gf2025-steel",
  "green-park-miit2016",
  "gscm-miit-automotive",
  "gscm-miit-electronics",
  "gscm-miit-generic",
  "gscm-miit-machinery",
  "water-saving-gbt7119-2018",
};

typedef struct {
  const char *template_id;
  const char *name;
} Case;

/* Shorthands used in the hand calculations:
 *   interp(x, b, l, p) = p × clamp((x − b) / (l − b), 0, 1)   (GB/T 36132-2025 §5 reading)
 *   electroplating first-level weights, renormalised over the 0.61 that was
 *   retrievable: W1 = 0.33/0.61 = 0.540984, W2 = 0.1/0.61 = 0.163934,
 *   W3 = 0.18/0.61 = 0.295082. */
static const Case cases[] = {
  /* gbt36132-2025 case1, a full self-evaluation (N/A policy "exclude"):
   *  basic requirements BR1, BR2 yes -> veto pass.
   *  能源低碳化: EN1 per product: A r = (100−110)/(90−110) = 0.5, w 6000;
   *    B r = (85−110)/(90−110) = 1.25 -> 1, w 4000;
   *    EN1 = 11 × (0.5×6000 + 1×4000)/10000 = 7.7.
   *    EN2 interp(300, 400, 200, 11) = 5.5; EN3 interp(5, 0, 10, 8) = 4;
   *    EN4 interp(6, 0, 6, 4) = 4 (exactly at the leading value). S_EN = 21.2 / 34.
   *  资源高效化: RE1a 3 + RE1b 2; RE2 per value interp(5, 6, 4, 6) = 3;
   *    RE3 interp(80, 80, 95, 4) = 0 (exactly at the baseline);
   *    RE4 interp(100, 80, 100, 4) = 4. S_RE = 12 / 22.
   *  生产洁净化: CL1 interp(2, 3, 5, 6) = 0 (worse than the baseline);
   *    CL2a interp(2, 1, 3, 4) = 2; CL2b interp(1, 0.5, 0.6, 4) = 4 (beyond leading);
   *    no wastewater -> CL3W N/A (4 points leave the maximum);
   *    CL3G interp(50, 0, 100, 4) = 2. S_CL = 8 / 18.
   *  产品绿色化: PG1 4; PG2 interp(90, 80, 100, 4) = 2; PG3 interp(100, 80, 100, 6) = 6.
   *    S_PG = 12 / 14.
   *  用地集约化: LA1 interp(1.1, 1.0, 1.2, 4) = 2; LA2 interp(45, 40, 50, 2) = 1;
   *    LA3 interp(2, 0.5, 1.5, 2) = 2. S_LA = 5 / 8.
   *  Total 21.2 + 12 + 8 + 12 + 5 = 58.2 of 100 − 4 = 96. */
  { "gbt36132-2025", "case1" },
  /* gbt36132-2025 case2: case1 with BR2 (phased-out equipment) answered "no".
   *  The veto fails and the result is not passed; the score is still
   *  computed and shown: 58.2 of 96. */
  { "gbt36132-2025", "case2" },
  /* gbt36132-2025 case3, N/A wherever allowed:
   *  no wastewater and no waste gas -> S_CL3W and S_CL3G N/A, S_CL3 keeps only its
   *  two answered switches and has no maximum (−8); no energy-efficiency
   *  standard -> S_PG3x N/A (−6); RE1b and PG2 answered N/A (−4, −4);
   *  all of 用地集约化 N/A (−8). Maximum 100 − 30 = 70.
   *  Every applicable item at or beyond its leading value:
   *  EN1 per value interp(50, 80, 50, 1) = 1 -> 11; EN2 interp(200, 400, 200, 11) = 11;
   *  EN3 8; EN4 interp(12, 0, 6, 4) = 4 (beyond); S_EN 34.
   *  RE1a 4; RE2 per product, one row r = (4−6)/(4−6) = 1, w 1 -> 6; RE3 4; RE4 4: S_RE 18.
   *  CL1 6; CL2a 4; CL2b 4: S_CL 14. PG1 4: S_PG 4. Total 70 of 70. */
  { "gbt36132-2025", "case3" },
  /* gbt36132-2025 case4, interpolation at and beyond both ends:
   *  EN1 per product: A (120 worse than baseline 110) r 0, w 1; B (90 = leading) r 1, w 3
   *    -> 11 × 3/4 = 8.25 (lower-is-better, both ends).
   *  EN2 at its leading value 200 -> 11. EN3 interp(2.5, 0, 10, 8) = 2. EN4 8 > 6 -> 4.
   *  S_EN = 8.25 + 11 + 2 + 4 = 25.25.
   *  RE1a 1.5, RE1b 0; RE2 per value x 3 better than leading 4 (base 6) r 1.5 -> 6;
   *  RE3 at baseline 0; RE4 at leading 4. S_RE = 11.5.
   *  CL1 below baseline 0; CL2a 1 below baseline 2 -> 0; CL2b interp(0.55, 0.5, 0.6, 4) = 2;
   *  CL3W at leading 75 -> 4; CL3G at baseline 0 -> 0. S_CL = 6.
   *  PG1 2.5; PG2 at leading 4; PG3 N/A (−6). S_PG = 6.5 of 8.
   *  LA1 0.9 below baseline 1.0 -> 0; LA2 60 beyond leading 50 -> 2;
   *  LA3 interp(1, 0.5, 1.5, 2) = 1.
   *  S_LA = 3. Total 25.25 + 11.5 + 6 + 6.5 + 3 = 52.25 of 94. */
  { "gbt36132-2025", "case4" },
  /* gbt36132-2025 case5, started only: BR1 yes, BR2 unanswered -> veto pending;
   *  EN2 interp(300, 400, 200, 11) = 5.5 is the only score; nothing is N/A, so
   *  the maximum stays 100; EN1 has no basis yet -> incomplete. */
  { "gbt36132-2025", "case5" },
  /* gbt36132-2025 case6, a baseline equal to the leading value: all the
   *  points when the value meets it, none otherwise.
   *  EN1 per product (lower is better), base = lead = 1000: A 900 meets it,
   *    share 1, w 2; B 1100 does not, share 0, w 2 -> 11 × (1×2 + 0×2)/4 = 5.5.
   *  EN2 (lower) 300 at base = lead = 300 -> 11. RE3 (higher) 85 >= 80 -> 4;
   *  RE4 (higher) 79.9 < 80 -> 0. Total 5.5 + 11 + 4 + 0 = 20.5 of 100. */
  { "gbt36132-2025", "case6" },
  /* gbt36132-2025 case7, 单位产品 chosen before any product row, EN2 without
   *  its baseline and leading value: no error anywhere, EN1 and EN2 wait for
   *  their inputs (incomplete, 0 points); BR1, BR2 yes -> veto passes. In the
   *  workbook EN1's cell is blank, not #DIV/0! (export recalculation). */
  { "gbt36132-2025", "case7" },

  /* gbt36132-2018 case1: all basic requirements and all 28 second-level items
   *  met. Each item carries its first-level points divided evenly:
   *  基础设施 20/3, 管理体系 15/6 = 2.5, 能源与资源投入 5, 产品 10/6, 环境排放 2,
   *  绩效 6. Total 20 + 15 + 15 + 10 + 10 + 30 = 100 of 100. */
  { "gbt36132-2018", "case1" },
  /* gbt36132-2018 case2: case1 with BR3 (management body) "no": veto fails,
   *  not passed, score 100 of 100 still shown. */
  { "gbt36132-2018", "case2" },
  /* gbt36132-2018 case3: all six 产品 items N/A -> the section is N/A and its
   *  10 points leave the maximum: 90 of 90. */
  { "gbt36132-2018", "case3" },
  /* gbt36132-2018 case4, partial compliance (部分符合 = half the points):
   *  基础设施: INF1 partial 20/3 × 0.5 = 3.3333, INF2 no 0, INF3 yes 6.6667 -> 10.
   *  管理体系: six items partial, 6 × 2.5 × 0.5 = 7.5.
   *  能源与资源投入: INP1, INP2 yes, INP3 no -> 10.
   *  产品 all yes 10. 环境排放: EMI1, EMI2 yes (4) + EMI3..5 partial (3 × 1) = 7.
   *  绩效 all yes 30. Total 10 + 7.5 + 10 + 10 + 7 + 30 = 74.5 of 100. */
  { "gbt36132-2018", "case4" },
  /* gbt36132-2018 case5: BR1..BR4 yes, BR5 unanswered -> veto pending; only
   *  基础设施 answered (all yes, 20) -> 20 of 100, incomplete. */
  { "gbt36132-2018", "case5" },

  /* cp-electroplating-2015 case1, level I:
   *  P1..P4 at I; R1 = 8 L/m² (≤ 8: exactly the I benchmark) -> I;
   *  Zn 82 % (≥ 82, exactly I) and Ni 95 % (≥ 95, I), n = 2, ω' = 0.4/0.8 = 0.5 each.
   *  Y_I = Y_II = Y_III = W1×100 + W2×100 + W3×100 = 100.
   *  I: Y_I ≥ 85 and the limiting R1 at I -> level 1. */
  { "cp-electroplating-2015", "case1" },
  /* cp-electroplating-2015 case2, the limiting indicator blocks level I:
   *  as case1 but R1 = 10 L/m² (8 < 10 ≤ 24) -> II.
   *  Y_I = W1×100 + W2×0 + W3×100 = (33 + 18)/0.61 = 83.6066; Y_II = Y_III = 100.
   *  I needs R1 at I (and Y_I ≥ 85): no. II: Y_II ≥ 85 and R1 at II -> level 2. */
  { "cp-electroplating-2015", "case2" },
  /* cp-electroplating-2015 case3: as case1 but R1 = 41 L/m² (> 40) -> below III.
   *  Y_I = Y_II = Y_III = (33 + 18)/0.61 = 83.6066.
   *  I and II fail (limiting, and < 85); III needs Y_III = 100 -> below III (0). */
  { "cp-electroplating-2015", "case3" },
  /* cp-electroplating-2015 case4, mixed levels and 0.8/n weights:
   *  P1 II, P2 I, P3 III, P4 II; R1 = 24 (exactly the II benchmark) -> II.
   *  Metals Zn, Cu, Ni, 装饰铬 (n = 4, ω' = (0.8/4)/0.8 = 0.25 each):
   *  Zn 81 -> II (≥ 80, < 82); Cu 90 -> I; Ni 84 -> III (≥ 80, < 85); Cr 19 -> below III (< 20).
   *  C1: Y_I 0.15 -> 15; Y_II 0.15+0.15+0.3 -> 60; Y_III 100.
   *  C2: 0 / 100 / 100. C3: 25 / 50 / 75.
   *  Y_I = (0.33×15 + 0.1×0 + 0.18×25)/0.61 = 9.45/0.61 = 15.4918
   *  Y_II = (0.33×60 + 0.1×100 + 0.18×50)/0.61 = 38.8/0.61 = 63.6066
   *  Y_III = (0.33×100 + 0.1×100 + 0.18×75)/0.61 = 56.5/0.61 = 92.6230 -> below III (0). */
  { "cp-electroplating-2015", "case4" },
  /* cp-electroplating-2015 case5, level III:
   *  P1, P2, P4 at II (their III text is not shown, so II is the lowest way to
   *  meet III); P3 III; R1 = 40 (exactly III); only Ag plated, 90 % (exactly III).
   *  Y_I = 0; Y_II = 0.33 × (0.15 + 0.15 + 0.3) × 100 / 0.61 = 32.4590;
   *  Y_III = 100 -> III (II fails: 32.46 < 85). */
  { "cp-electroplating-2015", "case5" },
  /* cp-electroplating-2015 case6, a whole category N/A: no plating metal is run
   *  (every PL_* "no", n = 0), so all seven metal indicators and with them
   *  资源综合利用 are N/A. The sources do not say what then happens
   *  (clean-production.md §1.8); the engine renormalises the first-level
   *  weights over what applies: C1 0.33/0.43 = 0.767442, C2 0.1/0.43 = 0.232558.
   *  Everything else at I (R1 = 8): Y_I = Y_II = Y_III = 100 -> level 1. */
  { "cp-electroplating-2015", "case6" },

  /* cp-pcb: two categories (能源消耗 and 原/辅料消耗, w = 0.1/0.2 = 0.5 each);
   * each product type's indicators weigh its output, so ω' = output share.
   * cp-pcb case1: rigid double-sided 6000 m², rigid multilayer n = 2 4000 m²,
   *  other types 0 m² or N/A -> not assessed; ω' = 6000/10000 = 0.6 and 0.4.
   *  Energy: double 18 kWh/m² (10 < 18 ≤ 20) -> II; multilayer 20 (I ≤ 10+5×2 = 20,
   *  exactly) -> I: C1 I 40, II 100, III 100.
   *  Laminate: double 90 % (≥ 90, exactly I) -> I; multilayer 94 % (I ≥ 90+2×2 = 94,
   *  exactly) -> I: C2 100 / 100 / 100.
   *  Y_I = 0.5×40 + 0.5×100 = 70, Y_II = Y_III = 100 -> I fails (70 < 85), level 2. */
  { "cp-pcb", "case1" },
  /* cp-pcb case2: only flexible HDI n = 1, 500 m², ω' = 1; 35 kWh/m²
   *  (I ≤ 25+10×1 = 35, exactly) -> I; laminate 82 % (I ≥ 80+2×1 = 82, exactly) -> I.
   *  Y_I = Y_II = Y_III = 100 -> level 1. */
  { "cp-pcb", "case2" },
  /* cp-pcb case3, the level I rule on non-limiting indicators (each at II or better):
   *  rigid single-sided 9000 m² (ω' 0.9): 5 kWh/m² (≤ 5) -> I, laminate 94 % -> I;
   *  flexible single-sided 1000 m² (ω' 0.1): 30 kWh/m² (15 < 30 ≤ 35) -> III,
   *  laminate 85 % (≥ 85) -> I.  C1: 90 / 90 / 100; C2: 100 / 100 / 100.
   *  Y_I = Y_II = 0.5×90 + 0.5×100 = 95, Y_III = 100. I: 95 ≥ 85 but the flexible
   *  energy row is at III -> no; II: 95 ≥ 85 -> level 2. */
  { "cp-pcb", "case3" },
  /* cp-pcb case4: rigid HDI n = 2 and rigid single-sided, 1000 m² each (ω' 0.5).
   *  Energy: HDI 84 kWh/m² (III ≤ 75+4×2 = 83) -> below III; single 25 (III ≤ 25,
   *  exactly) -> III: C1 0 / 0 / 50.
   *  Laminate: HDI 83 % (I ≥ 84, II ≥ 84, III ≥ 75+4×2 = 83, exactly) -> III;
   *  single 84 % (III ≥ 85) -> below III: C2 0 / 0 / 50.
   *  Y_I = Y_II = 0, Y_III = 50 -> below III (0). */
  { "cp-pcb", "case4" },
  /* cp-pcb case5: rigid single-sided 1000 m² but its two indicators unanswered ->
   *  they contribute 0 and the result is incomplete: Y_I = Y_II = Y_III = 0. */
  { "cp-pcb", "case5" },

  /* cp-custom case1, a limiting indicator blocks level I:
   *  weights entered 0.1 and 0.9 -> w = 0.1, 0.9; Q1 benchmarks ≤10 / ≤20 / ≤30.
   *  Q1 = 15 -> II (limiting); Q2 at I.
   *  Y_I = 0.9×100 = 90 ≥ 85 but Q1 is not at I; Y_II = 100 with Q1 at II -> level 2. */
  { "cp-custom", "case1" },
  /* cp-custom case2: Q1 = 10 (exactly the I benchmark) -> I; Q2 I; Y = 100 -> level 1. */
  { "cp-custom", "case2" },
  /* cp-custom case3: Q1 = 30 (exactly III), Q2 III: Y_I = 0, Y_II = 0, Y_III = 100 -> level 3. */
  { "cp-custom", "case3" },
  /* cp-custom case4: Q1 = 31 -> below III; Q2 I: Y_I = Y_II = Y_III = 90.
   *  I and II fail on the limiting Q1, III needs 100 -> below III (0). */
  { "cp-custom", "case4" },
  /* cp-custom case5: weights 0.3 and 0.3 normalise to 0.5 each; Q1 = 5 -> I; Q2 II.
   *  Y_I = 50, Y_II = Y_III = 100 -> I fails (50 < 85), II holds -> level 2. */
  { "cp-custom", "case5" },
  /* cp-custom case6: Q2 answered N/A -> category 2 is N/A and category 1 weighs
   *  1; Q1 = 15 -> II: Y_I = 0, Y_II = Y_III = 100 -> level 2. */
  { "cp-custom", "case6" },
  /* cp-custom case7: Q2 unanswered. It applies, so it contributes 0 and is not
   *  renormalised away (clean-production.md §1.8): Q1 = 10 -> I with w 0.1:
   *  Y_I = Y_II = Y_III = 10 -> below III, incomplete. */
  { "cp-custom", "case7" },

  /* energy-audit-gbt17166-2019 case1, a small plant, electricity at the 当量值
   *  (chosen explicitly; checklist 24 × yes = 24 of 24):
   *  tce: electricity 1 000 000 kWh × 0.1229 = 122.9; raw coal 500 000 kg × 0.7143 = 357.15;
   *  diesel 10 000 kg × 1.4571 = 14.571; gas-field gas 100 000 m³ × 1.2143 = 121.43;
   *  fresh water 50 000 t × 0.0857 = 4.285; heat 1 000 000 MJ × 0.03412 = 34.12.
   *  E = 654.456 tce -> not a key energy-using unit (< 5 000).
   *  The basis label reads "当量值 0.1229 kgce/kWh (GB/T 2589 附录A)"; the 等价值
   *  coefficient does not apply (N/A).
   *  CO2 (t): coal 500 t × 20.908 GJ/t × 26.37/1000 × 0.94 × 44/12 = 950.1494;
   *  diesel 10 × 42.652 × 0.0202 × 0.98 × 44/12 = 30.9591;
   *  gas 10 (10⁴m³) × 389.31 × 0.0153 × 0.99 × 44/12 = 216.2189;
   *  electricity 1 000 000 × 0.5617 (2022 华东) / 1000 = 561.7; heat 1 000 GJ × 0.11 = 110;
   *  water 0. Total 1 869.0274.
   *  Intensities (value added 10 000 万元): E 0.0654456 tce/万元, change vs 0.08:
   *  −18.193 % -> progress −18.193/−13.5 = 134.76 %; CO2 0.186903 vs 0.25: −25.239 % ->
   *  140.22 %; water 50 000/10 000 = 5 vs 6: −16.667 % -> 104.17 %.
   *  Reuse rate 450 000/(450 000 + 50 000) = 90 %; solid waste 880/(1 000 + 100) = 80 %. */
  { "energy-audit-gbt17166-2019", "case1" },
  /* energy-audit-gbt17166-2019 case2, exactly at the 10 000 tce threshold:
   *  own-coefficient row 10 000 000 kg × 1.0 kgce/kg = 10 000 tce (plus 0 t fresh water)
   *  -> key energy-using unit (≥ 10 000 at the 当量值). CO2 10 000 000 × 0.002 = 20 000 t.
   *  Value added 50 000: E 0.2 = the 2020 base 0.2 -> change 0, progress 0;
   *  CO2 0.4 = base 0.4 -> 0; water 1 000/50 000 = 0.02 = base -> 0.
   *  Reuse 0/(0 + 1 000) = 0 %; solid waste 0/10 = 0 %. */
  { "energy-audit-gbt17166-2019", "case2" },
  /* energy-audit-gbt17166-2019 case3, a fuel without default CO2 parameters
   *  and a partly met checklist:
   *  checklist: A2 partial 0.5, A3 no 0, A4 N/A (leaves the maximum), C1 partial
   *  0.5, G4 no 0, 19 others yes -> 19 + 0.5 + 0.5 = 20 of 23 (S_A 1.5/3, S_C 3.5/4,
   *  S_G 3/4).
   *  E = 2 000 000 × 0.1229 + 100 000 × 1.1429 = 245.8 + 114.29 = 360.09 tce;
   *  per product 360 090 kgce / 500 t = 720.18.
   *  CO2: electricity 2 000 000 × 0.5306 / 1000 = 1 061.2 t; 煤焦油 has no default
   *  parameters and no own factor -> #N/A, so the fuel and total CO2 are errors
   *  (not silently 0) and the summary status is "error".
   *  Reuse 300/400 = 75 %; solid waste 100/(50 + 50) = 100 %. */
  { "energy-audit-gbt17166-2019", "case3" },
  /* energy-audit-gbt17166-2019 case4, electricity at the 等价值 0.3 kgce/kWh,
   *  5 000–10 000 tce at the 当量值, 2021 residual-mix grid factor (an unverified row):
   *  tce: electricity 30 000 000 × 0.3 = 9 000; raw coal 2 000 000 × 0.7143 = 1 428.6;
   *  steam 1 000 000 kg × 0.1286 = 128.6; oil-field gas 100 000 m³ × 1.33 = 133.
   *  E = 10 690.2 tce, labelled "等价值 0.3 kgce/kWh (用户填写)".
   *  The key-unit test uses the 当量值 whatever the basis: 30 000 000 × 0.1229 = 3 687,
   *  + 1 428.6 + 128.6 + 133 = 5 377.2 -> "可被指定" (5 000 ≤ E < 10 000).
   *  E per value added 10 690.2/40 000 = 0.267255 vs 0.2: +33.6275 % ->
   *  progress 33.6275/−13.5 = −249.0926 %.
   *  CO2 (independent of the basis): electricity 30 000 000 × 0.5942/1000 = 17 826;
   *  steam 1 000 000 × 0.003763 GJ × 0.11 = 413.93; coal 2 000 t × 20.908 × 0.02637 × 0.94
   *  × 44/12 = 3 800.598; gas 10 × 389.31 × 0.0153 × 0.99 × 44/12 = 216.219;
   *  total 22 256.747.
   *  Water 200 000/40 000 = 5 = base 5 -> 0; solid waste 3 000/4 000 = 75 %. */
  { "energy-audit-gbt17166-2019", "case4" },
  /* energy-audit-gbt17166-2019 case5, a whole checklist section N/A, no grid
   *  factor and no electricity basis chosen yet: S_F (3 items) N/A -> 21 of 21.
   *  The unanswered basis means the 当量值: E = 1 000 000 × 0.1229 + 20 000 × 1.4571
   *  = 122.9 + 29.142 = 152.042 tce.
   *  Diesel CO2 20 t × 42.652 × 0.0202 × 0.98 × 44/12 = 61.9182; the electricity
   *  and total CO2 stay blank until a grid factor is chosen; incomplete. */
  { "energy-audit-gbt17166-2019", "case5" },
  /* energy-audit-gbt17166-2019 case6, 等价值 chosen but its coefficient not
   *  entered: the electricity row has no standard coal (never the 当量值 instead),
   *  so E = diesel 10 000 × 1.4571 = 14.571 tce is incomplete, and so is E per
   *  value added 14.571/1 000 = 0.014571; the label says "等价值: 未填写系数".
   *  The key-unit test still has its 当量值 total: 1 000 000 × 0.1229 + 14.571 =
   *  137.471 -> "否", complete. CO2 does not depend on the basis: electricity
   *  1 000 000 × 0.5617/1000 = 561.7, diesel 30.9591, total 592.6591, complete. */
  { "energy-audit-gbt17166-2019", "case6" },
  /* energy-audit-gbt17166-2019 case7, measured values override the table in
   *  their rows, basis unanswered (当量值):
   *  tce: electricity 500 000 × 0.1229 = 61.45; raw coal 1 000 000 kg × 0.68
   *  (measured) = 680; coal tar 50 000 × 1.1429 = 57.145; heat 2 000 000 MJ ×
   *  0.03412 = 68.24. E = 866.835 tce; per t 866 835/1 000 = 866.835 kgce;
   *  per value added 866.835/4 000 = 0.21670875 vs 0.25: −13.3165 % -> 98.6407 %.
   *  CO2: raw coal keeps the default parameters (a measured coefficient does not
   *  change its CO2): 1 000 × 20.908 × 0.02637 × 0.94 × 44/12 = 1 900.2988;
   *  coal tar, which has no default, with its own factor 50 000 × 3.1 kg/kg / 1000
   *  = 155 (no #N/A); fuel 2 055.2988. Heat with its own 0.1 kgCO2/MJ:
   *  2 000 000 × 0.1/1000 = 200. Electricity 500 000 × 0.5306/1000 = 265.3.
   *  Total 2 520.5988. Reuse 9 000/10 000 = 90 %; solid waste 100/100 = 100 %. */
  { "energy-audit-gbt17166-2019", "case7" },
  /* energy-audit-gbt17166-2019 case8, quantities in the units of the statistical
   *  returns: 原煤 1 000 t, 电力 200 万kWh, 柴油 50 t. Each is converted to the unit
   *  its GB/T 2589 coefficient is per (1 t = 1 000 kg, 1 万kWh = 10 000 kWh) first:
   *  0.7143 × 1 000 000 kg + 0.1229 × 2 000 000 kWh + 1.4571 × 50 000 kg, in tce
   *  0.7143 × 1 000 + 1.229 × 200 + 1.4571 × 50 = 714.3 + 245.8 + 72.855
   *  = 1 032.955 tce; 2 000 000 kWh of electricity. Incomplete: the checklist is
   *  not answered. */
  { "energy-audit-gbt17166-2019", "case8" },
  /* case9, the same quantities in kg and kWh (1 000 000 kg, 2 000 000 kWh,
   *  50 000 kg): the same 1 032.955 tce. */
  { "energy-audit-gbt17166-2019", "case9" },
  /* case10, the same again with a row that states no unit (raw coal 1 000 000,
   *  in kg, the coefficient's unit, as before units could be chosen) and the
   *  electricity split over 2 MWh + 1 998 000 kWh: 1 032.955 tce. */
  { "energy-audit-gbt17166-2019", "case10" },
  /* cp-audit-hj469 case1, the audit checklist and its registers: 26 of the 28
   *  stage tasks yes, OP4 (interim report) partial 0.5, IM3 (re-benchmarked) no:
   *  26.5 of 28. M3 (toxic substances) yes -> 强制性审核.
   *  Focus, weights 10, 8, 5, 3, 1: 电镀线 8×10 + 9×8 + 7×5 + 6×3 + 5×1 = 210;
   *  前处理 5×10 + 6×8 + 4×5 + 8×3 + 6×1 = 148: highest 210.
   *  Balance (1 000 + 200 − 950 − 238)/1 200 = 1 %. Options: I 210 + 100 + 0 + 50
   *  = 360, P 121 + 40 + 3 + 5 = 169; NPV (each in tests/test-diagnosis.c)
   *  14.9886621 + 32.6775369 − 16.4495930 = 31.2166061 (the no-cost option has
   *  none). */
  { "cp-audit-hj469", "case1" },
  /* case11, case2 with process emissions (carbonate decomposition), the
   *  factors n × M(CO2)/M(substance) with M(CO2) = 44.009:
   *  clinker 100 000 t with 65 % CaO from carbonates × 44.009/56.077 (0.7848)
   *  = 51 012; the same clinker's 1.5 % MgO × 44.009/40.304 (1.0919) = 1 637.85;
   *  soda ash 2 000 t at 99 % × 44.009/105.988 (0.4152) = 822.096; dolomite
   *  500 t, 95 % decomposed, × 2 × 44.009/184.399 (0.4773) = 226.7175;
   *  limestone 100 t with a measured 0.43 = 43.
   *  Process CO2 = 53 741.6635 t; with the 20 000 t of case2's fuel, 73 741.6635 t.
   *  The energy-related total and its intensity stay case2's (20 000 t, 0.4,
   *  change 0): process emissions do not enter the energy-related figures. */
  { "energy-audit-gbt17166-2019", "case11" },
  /* water-saving-gbt7119-2018 case1, a dyeing works whose discharge permit
   *  is missing (B6 no -> veto fail, not passed whatever the points):
   *  water balance (m³/year): intake V_i = tap 100 000 + groundwater 20 000
   *  = 120 000 (reclaimed 5 000 is V_u, not intake; process use 90 000 and
   *  indirect-cooling make-up 8 000 are uses, not added);
   *  reused V_r = indirect cooling 840 000 + wastewater 30 000 + condensate
   *  10 000 = 880 000; leakage V_l = 6 000; discharge V_d = 30 000.
   *  重复利用率 880 000 / (120 000 + 880 000) × 100 = 88 % (≥ 45: 1 point);
   *  用水综合漏失率 6 000 / 120 000 × 100 = 5 % (≤ 6: 1);
   *  废水回用率 30 000 / (30 000 + 30 000) × 100 = 50 % (≥ 20: 1);
   *  单位产品取水量 120 000 / 40 000 t = 3 m³/t (≤ quota 3.2: 1);
   *  间接冷却水循环率 840 000 / (840 000 + 8 000) × 100 = 99.0566 % (≥ 95: 1);
   *  direct cooling threshold answered N/A -> the indicator is N/A, awarded 1.
   *  Management 7 × yes = 7. Total 13 of 13, but the veto fails.
   *  Outputs: V_t = 1 000 000; 非常规水 5 000 / 125 000 = 4 %; 排水率
   *  30 000 / 120 000 = 25 %; per value added 120 000 / 6 000 = 20 m³/万元.
   *  Leader: intake 120 000 is not above 150 000 -> not eligible. */
  { "water-saving-gbt7119-2018", "case1" },
  /* case2, a steel works that meets everything, two indicators exactly at
   *  the threshold: V_i = 150 000 + 50 000 = 200 000; V_r = direct cooling
   *  3 800 000 + indirect 2 850 000 + wastewater 150 000 = 6 800 000;
   *  重复利用率 6 800 000 / 7 000 000 = 97.142857 % (≥ 97); 漏失率 16 000 /
   *  200 000 = 8 % (≤ 8, at the threshold: met); 废水回用率 150 000 / (150 000
   *  + 50 000) = 75 % (≥ 75, at it: met); 直接冷却水循环率 3 800 000 /
   *  (3 800 000 + 100 000) = 97.435897 % (≥ 95); 单位产品取水量 200 000 /
   *  1 000 000 = 0.2 (≤ 0.2: met); indirect cooling N/A, awarded.
   *  13 of 13, every veto met -> passed. 排水率 50 000 / 200 000 = 25 %;
   *  200 000 / 20 000 万元 = 10 m³/万元. Leader: listed industry, every
   *  condition yes and 200 000 > 150 000 -> eligible. */
  { "water-saving-gbt7119-2018", "case2" },
  /* case3, case1 with every basic requirement met but M3 partial (0.5),
   *  M7 no (0), leakage 9 000 -> 9 000 / 120 000 = 7.5 % (> 6: 0) and a
   *  quota of 2.8 (3 > 2.8: 0): management 5.5, technical 4 of 6, total 9.5 of
   *  13, below the pass mark 13 -> not passed although the veto passes. */
  { "water-saving-gbt7119-2018", "case3" },
  /* green-park-miit2016 case1, three years (ratio r = value / lead capped at 1,
   *  lower-is-better r = lead / value when above the lead; category index = mean of
   *  the mandatory ratios and the optional rows reported that year; GI = 100 × sum / 6):
   *  year 3: EG1 = 30 000 / 15 000 = 2 -> 2/3; EG2 15/15 = 1; EG3 37.5/75 = 0.5
   *   -> EG = (2/3 + 1 + 0.5) / 3 = 13/18.
   *   RG4 = 30 000 × 10 000 / 200 000 = 1 500 -> 1; RG5 = 30 000 / 10 000 / 2 = 1.5 亿元/km²
   *   -> 0.1; RG6 = 95/100 = 95 % -> 1; RG7 90 -> 1; optional RG8 15/30 = 0.5
   *   -> RG = 3.6 / 5 = 0.72.  IG12 yes -> IG = 1.  CG17 30 -> 1, CG18 15/30 -> 0.5 -> CG = 0.75.
   *   PG21 100 -> 1; PG22 = (1 − 0.8/0.9) × 100 = 11.1 % -> 1; PG23 = 300 000 / 30 000 = 10
   *   t/万元 -> 5/10 = 0.5; PG24 = (114.24/102 − 1) / (30 000/25 000 − 1) = 0.12 / 0.2 = 0.6
   *   -> 0.3/0.6 = 0.5; PG25 40/80 = 0.5; optional PG26 45/30 -> 1 -> PG = 4.5 / 6 = 0.75.
   *   MG29 yes, MG30 yes, MG31 no -> 2/3.
   *   GI_3 = 100 × (13/18 + 0.72 + 1 + 0.75 + 0.75 + 12/18) / 6 = 100 × 82.96/18 / 6
   *   = 8 296/108 = 76.8148148 = the score (of 100).
   *  year 1: every ratio 1 except MG31 no -> MG 2/3; RG8 30/30 = 1 is reported, PG26 is
   *   not (blank) -> GI_1 = 100 × (5 + 2/3) / 6 = 94.444444.  year 2: all 1 -> GI_2 = 100.
   *  Entry conditions: 30 000 / 50 000 = 60 % > 50 %; 4 of 4 key firms audited = 100 %;
   *  3 staff >= 2; provincial; the yes/no conditions yes -> veto pass. */
  { "green-park-miit2016", "case1" },
  /* green-park-miit2016 case2, case1 with the park total value added 60 000 (industrial
   *  share 30 000 / 60 000 = 50 %, not more than 50 %), 3 of 4 key firms audited (75 %)
   *  and 1 full-time staff: the vetoes BR1, BR3 and BR4 fail; GI is still 76.8148148
   *  but the evaluation does not pass. */
  { "green-park-miit2016", "case2" },
};

/* ------------------------------------------------------------------------ */

static JsonNode *
load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_number (const char *what,
               double      actual,
               double      expected)
{
  if (isnan (actual) || fabs (actual - expected) > 1e-9 * MAX (1.0, fabs (expected)))
    g_error ("%s: expected %.12g, got %.12g", what, expected, actual);
}

static GaStatus
status_from_string (const char *text)
{
  if (g_str_equal (text, "complete"))
    return GA_STATUS_COMPLETE;
  if (g_str_equal (text, "incomplete"))
    return GA_STATUS_INCOMPLETE;
  if (g_str_equal (text, "na"))
    return GA_STATUS_NA;
  if (g_str_equal (text, "error"))
    return GA_STATUS_ERROR;
  g_error ("unknown status '%s' in an expected-results file", text);
  return GA_STATUS_ERROR;
}

static GaVetoStatus
veto_from_string (const char *text)
{
  if (g_str_equal (text, "pass"))
    return GA_VETO_PASS;
  if (g_str_equal (text, "fail"))
    return GA_VETO_FAIL;
  if (g_str_equal (text, "pending"))
    return GA_VETO_PENDING;
  g_error ("unknown veto status '%s' in an expected-results file", text);
  return GA_VETO_FAIL;
}

static void
assert_value (const char    *what,
              const GaValue *value,
              JsonNode      *expected)
{
  if (JSON_NODE_HOLDS_VALUE (expected)
      && json_node_get_value_type (expected) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (expected);
      g_autofree char *shown = ga_value_to_display (value);

      if (g_str_equal (text, "na"))
        {
          if (value->kind != GA_VALUE_NA)
            g_error ("%s: expected N/A, got %s '%s'", what, ga_value_kind_to_string (value->kind),
                     shown);
        }
      else if (g_str_equal (text, "blank"))
        {
          if (value->kind != GA_VALUE_BLANK)
            g_error ("%s: expected blank, got %s '%s'", what,
                     ga_value_kind_to_string (value->kind), shown);
        }
      else if (g_str_equal (text, "error"))
        {
          if (value->kind != GA_VALUE_ERROR)
            g_error ("%s: expected an error, got %s '%s'", what,
                     ga_value_kind_to_string (value->kind), shown);
        }
      else if (value->kind != GA_VALUE_TEXT || g_strcmp0 (value->u.text, text) != 0)
        g_error ("%s: expected '%s', got %s '%s'", what, text,
                 ga_value_kind_to_string (value->kind), shown);
      return;
    }

  if (value->kind != GA_VALUE_NUMBER)
    {
      g_autofree char *shown = ga_value_to_display (value);
      g_error ("%s: expected %.12g, got %s '%s'", what, json_node_get_double (expected),
               ga_value_kind_to_string (value->kind), shown);
    }
  assert_number (what, value->u.number, json_node_get_double (expected));
}

static void
check_result (GaEngine   *engine,
              const char *kind,
              const char *id,
              JsonObject *expected)
{
  const GaResult *result = ga_engine_lookup (engine, id);
  g_autofree char *what = NULL;

  if (result == NULL)
    g_error ("%s '%s' does not exist", kind, id);

  if (json_object_has_member (expected, "status"))
    {
      GaStatus want = status_from_string (json_object_get_string_member (expected, "status"));
      if (result->status != want)
        g_error ("%s %s: status %s, expected %s", kind, id, ga_status_to_string (result->status),
                 ga_status_to_string (want));
    }
  if (json_object_has_member (expected, "score"))
    {
      what = g_strdup_printf ("%s %s score", kind, id);
      assert_number (what, result->score, json_object_get_double_member (expected, "score"));
      g_clear_pointer (&what, g_free);
    }
  if (json_object_has_member (expected, "max"))
    {
      double want = json_object_get_double_member (expected, "max");
      /* A section without anything applicable has no maximum: 0 or none. */
      if (!(want == 0 && isnan (result->max)))
        {
          what = g_strdup_printf ("%s %s max", kind, id);
          assert_number (what, result->max, want);
          g_clear_pointer (&what, g_free);
        }
    }
  if (json_object_has_member (expected, "level"))
    {
      int want = (int) json_object_get_int_member (expected, "level");
      if (result->level != want)
        g_error ("%s %s: level %d, expected %d", kind, id, result->level, want);
    }
  if (json_object_has_member (expected, "weight"))
    {
      what = g_strdup_printf ("%s %s weight", kind, id);
      assert_number (what, result->weight, json_object_get_double_member (expected, "weight"));
      g_clear_pointer (&what, g_free);
    }
  if (json_object_has_member (expected, "value"))
    {
      what = g_strdup_printf ("%s %s value", kind, id);
      assert_value (what, &result->value, json_object_get_member (expected, "value"));
    }
}

static void
check_group (GaEngine   *engine,
             JsonObject *expected,
             const char *group)
{
  JsonObject *members;
  g_autoptr(GList) ids = NULL;

  if (!json_object_has_member (expected, group))
    return;
  members = json_object_get_object_member (expected, group);
  ids = json_object_get_members (members);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (members, l->data);
      if (g_str_equal (group, "outputs"))
        {
          const GaResult *result = ga_engine_lookup (engine, l->data);
          g_autofree char *what = g_strdup_printf ("output %s", (const char *) l->data);
          if (result == NULL)
            g_error ("output '%s' does not exist", (const char *) l->data);
          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              JsonObject *want = json_node_get_object (node);

              if (json_object_has_member (want, "status"))
                {
                  GaStatus status = status_from_string (
                      json_object_get_string_member (want, "status"));
                  if (result->status != status)
                    g_error ("output %s: status %s, expected %s", (const char *) l->data,
                             ga_status_to_string (result->status), ga_status_to_string (status));
                }
              if (json_object_has_member (want, "value"))
                assert_value (what, &result->value, json_object_get_member (want, "value"));
            }
          else
            assert_value (what, &result->value, node);
        }
      else
        check_result (engine, group, l->data, json_node_get_object (node));
    }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (c->template_id, &error);
  g_autofree char *dir = g_build_filename (GA_SOURCE_DIR, "tests", "fixtures", "templates",
                                           c->template_id, NULL);
  g_autofree char *answers_name = g_strconcat (c->name, ".json", NULL);
  g_autofree char *expected_name = g_strconcat (c->name, ".expected.json", NULL);
  g_autofree char *answers_path = g_build_filename (dir, answers_name, NULL);
  g_autofree char *expected_path = g_build_filename (dir, expected_name, NULL);
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GaEngine) engine = NULL;
  g_autoptr(JsonNode) root = NULL;
  const GaSummary *summary;
  JsonObject *expected;

  g_assert_no_error (error);
  answers = ga_answer_set_new_from_file (answers_path, tmpl, &error);
  g_assert_no_error (error);
  g_assert_nonnull (answers);

  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, answers);
  summary = ga_engine_get_summary (engine);

  root = load_json (expected_path);
  expected = json_node_get_object (root);

  if (json_object_has_member (expected, "score"))
    assert_number ("total score", summary->score,
                   json_object_get_double_member (expected, "score"));
  if (json_object_has_member (expected, "max"))
    assert_number ("maximum", summary->max, json_object_get_double_member (expected, "max"));
  if (json_object_has_member (expected, "veto"))
    {
      GaVetoStatus want = veto_from_string (json_object_get_string_member (expected, "veto"));
      if (summary->veto != want)
        g_error ("veto %s, expected %s", ga_veto_status_to_string (summary->veto),
                 ga_veto_status_to_string (want));
    }
  if (json_object_has_member (expected, "status"))
    {
      GaStatus want = status_from_string (json_object_get_string_member (expected, "status"));
      if (summary->status != want)
        g_error ("status %s, expected %s", ga_status_to_string (summary->status),
                 ga_status_to_string (want));
    }
  if (json_object_has_member (expected, "passed"))
    g_assert_cmpint (summary->passed, ==, json_object_get_boolean_member (expected, "passed"));
  if (json_object_has_member (expected, "veto_failures"))
    {
      JsonArray *ids = json_object_get_array_member (expected, "veto_failures");
      g_assert_cmpuint (summary->veto_failures->len, ==, json_array_get_length (ids));
      for (guint i = 0; i < json_array_get_length (ids); i++)
        g_assert_cmpstr (((GaItem *) summary->veto_failures->pdata[i])->id, ==,
                         json_array_get_string_element (ids, i));
    }
  if (json_object_has_member (expected, "index"))
    {
      JsonArray *index = json_object_get_array_member (expected, "index");
      static const char * const names[] = { "Y_I", "Y_II", "Y_III" };
      for (guint k = 0; k < 3; k++)
        assert_number (names[k], summary->index[k], json_array_get_double_element (index, k));
    }
  if (json_object_has_member (expected, "level"))
    g_assert_cmpint (summary->level, ==, json_object_get_int_member (expected, "level"));

  check_group (engine, expected, "items");
  check_group (engine, expected, "sections");
  check_group (engine, expected, "outputs");

  /* The answers round-trip through the engine's own copy unchanged. */
  g_assert_cmpuint (ga_answer_set_size (ga_engine_get_answers (engine)), ==,
                    ga_answer_set_size (answers));
}

/* ------------------------------------------------------------------------ */

static void
test_list_bundled (void)
{
  g_auto(GStrv) ids = ga_template_list_bundled ();

  g_assert_nonnull (ids);
  g_assert_cmpuint (g_strv_length (ids), ==, G_N_ELEMENTS (bundled_ids));
  for (guint i = 0; i < G_N_ELEMENTS (bundled_ids); i++)
    g_assert_cmpstr (ids[i], ==, bundled_ids[i]);
}

static void
count_items (GaTemplate *tmpl,
             guint      *scored,
             guint      *unverified)
{
  GPtrArray *items = ga_template_get_items (tmpl);

  *scored = 0;
  *unverified = 0;
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      if (!isnan (item->points) || item->weight != NULL)
        (*scored)++;
      if (!item->verified)
        (*unverified)++;
    }
}

/* Every bundled template loads from the resource, passes validation with
 * no problem at all, lists itself, and says where every item comes from. */
static void
test_bundled (gconstpointer data)
{
  const char *id = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (id, &error);
  g_autoptr(GPtrArray) problems = NULL;
  g_auto(GStrv) listed = ga_template_list_bundled ();
  GBytes *bytes;
  GPtrArray *items;
  gconstpointer data_ptr;
  gsize size;
  guint scored, unverified;

  g_assert_no_error (error);
  g_assert_nonnull (tmpl);
  g_assert_cmpstr (ga_template_get_id (tmpl), ==, id);
  g_assert_true (g_strv_contains ((const char * const *) listed, id));

  bytes = ga_template_get_bytes (tmpl);
  data_ptr = g_bytes_get_data (bytes, &size);
  problems = ga_template_validate_data (data_ptr, size, &error);
  g_assert_no_error (error);
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", id, (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);

  /* None of the bundled content is confirmed against an official text;
   * each template must say so and why. */
  g_assert_false (ga_template_get_verified (tmpl));
  g_assert_nonnull (ga_template_get_source (tmpl));

  items = ga_template_get_items (tmpl);
  g_assert_cmpuint (items->len, >, 0);
  for (guint i = 0; i < items->len; i++)
    {
      GaItem *item = items->pdata[i];
      if (item->source == NULL || item->source[0] == '\0')
        g_error ("%s: item %s has no source", id, item->id);
      if (!item->verified
          && (item->unverified_reason == NULL || strlen (item->unverified_reason) < 10))
        g_error ("%s: item %s is unverified without a reason", id, item->id);
    }
  count_items (tmpl, &scored, &unverified);
  g_test_message ("%s: %u items, %u scored or weighted, %u flagged unverified", id, items->len,
                  scored, unverified);
  /* A template without a score (a diagnosis, a filing) reports figures. */
  if (ga_template_get_scheme (tmpl) != GA_SCHEME_NONE)
    g_assert_cmpuint (scored, >, 0);
  else
    g_assert_cmpuint (ga_template_get_outputs (tmpl)->len, >, 0);
  g_assert_cmpuint (unverified, >, 0);
}

/* The points templates add up to their stated maximum; GB/T 36132-2025's
 * first-level indicators carry 34/22/22/14/8 and 2018's 20/15/15/10/10/30. */
static void
test_first_level_points (void)
{
  static const struct { const char *id; double points[7]; } expected[] = {
    { "gbt36132-2025", { NAN, 34, 22, 22, 14, 8, -1 } },
    { "gbt36132-2018", { NAN, 20, 15, 15, 10, 10, 30 } },
  };

  for (guint t = 0; t < G_N_ELEMENTS (expected); t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (expected[t].id, &error);
      GPtrArray *roots;
      guint n = 0;

      g_assert_no_error (error);
      roots = ga_template_get_root_sections (tmpl);
      while (n < G_N_ELEMENTS (expected[t].points) && expected[t].points[n] != -1)
        n++;
      g_assert_cmpuint (roots->len, ==, n);
      for (guint s = 0; s < roots->len; s++)
        {
          GaSection *section = roots->pdata[s];
          if (isnan (expected[t].points[s]))
            g_assert_true (isnan (section->points));
          else
            g_assert_cmpfloat_with_epsilon (section->points, expected[t].points[s], 1e-12);
        }
      g_assert_cmpfloat_with_epsilon (ga_template_get_max_score (tmpl), 100, 1e-12);
    }
}

/* The electroplating template ships only the retrievable rows 1–12: the
 * first-level weights are the table's 0.33/0.1/0.18 renormalised over 0.61. */
static void
test_electroplating_weights (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("cp-electroplating-2015", &error);
  static const char * const weights[] = { "0.33/0.61", "0.1/0.61", "0.18/0.61" };
  GPtrArray *roots;

  g_assert_no_error (error);
  g_assert_cmpint (ga_template_get_scheme (tmpl), ==, GA_SCHEME_CLEAN_PRODUCTION);
  roots = ga_template_get_root_sections (tmpl);
  g_assert_cmpuint (roots->len, ==, 3);
  for (guint s = 0; s < 3; s++)
    g_assert_cmpstr (ga_formula_get_text (((GaSection *) roots->pdata[s])->weight), ==, weights[s]);
  g_assert_true (ga_template_find_item (tmpl, "R1")->limiting);
  g_assert_cmpuint (ga_template_get_level_rules (tmpl)->len, ==, 3);
}

/* ------------------------------------------------------------------------ */
/* The energy audit's electricity basis                                     */

static guint
column_index (const GaItem *table,
              const char   *id)
{
  for (guint c = 0; c < table->columns->len; c++)
    if (g_str_equal (((GaColumn *) table->columns->pdata[c])->id, id))
      return c;
  g_error ("table %s has no column %s", table->id, id);
  return 0;
}

static void
set_typed (GaEngine   *engine,
           const char *item_id,
           const char *text)
{
  GaItem *item = ga_template_find_item (ga_engine_get_template (engine), item_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GaAnswer) answer = NULL;

  g_assert_nonnull (item);
  if (text != NULL)
    {
      answer = ga_answer_parse_text (text, item, &error);
      g_assert_no_error (error);
    }
  ga_engine_set_answer (engine, item_id, answer, &error);
  g_assert_no_error (error);
}

static void
assert_energy (GaEngine   *engine,
               GaStatus    status,
               double      total,
               const char *label,
               const char *row_basis)
{
  GaItem *energy = ga_template_find_item (ga_engine_get_template (engine), "energy");
  const GaResult *e_total = ga_engine_lookup (engine, "E_total");
  const GaResult *e_basis = ga_engine_lookup (engine, "E_basis");
  const GaValue *basis = ga_engine_get_cell (engine, energy, 0, column_index (energy, "basis"));

  g_assert_cmpint (e_total->status, ==, status);
  g_assert_cmpint (e_total->value.kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat_with_epsilon (e_total->value.u.number, total, 1e-9);
  g_assert_cmpint (e_basis->value.kind, ==, GA_VALUE_TEXT);
  g_assert_cmpstr (e_basis->value.u.text, ==, label);
  g_assert_cmpint (basis->kind, ==, GA_VALUE_TEXT);
  g_assert_cmpstr (basis->u.text, ==, row_basis);
}

/* One plant, the basis switched back and forth in one engine:
 * electricity 100 000 kWh, raw coal 1 000 kg × 0.7143 = 0.7143 tce.
 *   unanswered or 当量值: 100 000 × 0.1229/1000 = 12.29 -> E = 13.0043;
 *   等价值 without its coefficient: the electricity row has no standard coal,
 *     E = 0.7143 and incomplete (never 13.0043);
 *   等价值 0.3: 100 000 × 0.3/1000 = 30 -> E = 30.7143;
 *   a measured coefficient in the row (0.125) wins over either basis:
 *     100 000 × 0.125/1000 = 12.5 -> E = 13.2143.
 * The key-unit test always uses the 当量值 total (13.0043 or 13.2143 < 5 000). */
static void
test_energy_electricity_basis (void)
{
  static const char answers_json[] =
      "{\"template\": \"energy-audit-gbt17166-2019\", \"answers\": {\"energy\": ["
      "{\"carrier\": \"electricity\", \"qty\": 100000},"
      " {\"carrier\": \"raw_coal\", \"qty\": 1000}]}}";
  static const char cal[] = "当量值 0.1229 kgce/kWh (GB/T 2589 附录A)";
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource ("energy-audit-gbt17166-2019",
                                                              &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GaAnswerSet) answers = NULL;
  g_autoptr(GaEngine) engine = NULL;
  GaItem *energy, *equal;
  const GaValue *coef;

  g_assert_no_error (error);
  json_parser_load_from_data (parser, answers_json, -1, &error);
  g_assert_no_error (error);
  answers = ga_answer_set_new_from_json (json_parser_get_root (parser), tmpl, &error);
  g_assert_no_error (error);
  engine = ga_engine_new (tmpl);
  ga_engine_set_answers (engine, answers);
  energy = ga_template_find_item (tmpl, "energy");
  equal = ga_template_find_item (tmpl, "elec_equal");

  /* The old separate output is gone: the table itself follows the basis. */
  g_assert_null (ga_engine_lookup (engine, "E_total_equal"));
  /* The 等价值 coefficient is an input without a default. */
  g_assert_cmpint (equal->kind, ==, GA_ITEM_NUMBER);
  g_assert_cmpstr (equal->unit, ==, "kgce/kWh");
  g_assert_false (equal->na_allowed);

  assert_energy (engine, GA_STATUS_COMPLETE, 13.0043, cal, "当量值 (附录A)");
  g_assert_cmpint (ga_engine_lookup (engine, "elec_equal")->status, ==, GA_STATUS_NA);

  set_typed (engine, "elec_basis", "calorific");
  assert_energy (engine, GA_STATUS_COMPLETE, 13.0043, cal, "当量值 (附录A)");

  set_typed (engine, "elec_basis", "等价值 (按当年火电供电标准煤耗)");
  assert_energy (engine, GA_STATUS_INCOMPLETE, 0.7143, "等价值: 未填写系数", "等价值 (用户填写)");
  g_assert_cmpint (ga_engine_lookup (engine, "elec_equal")->status, ==, GA_STATUS_INCOMPLETE);
  coef = ga_engine_get_cell (engine, energy, 0, column_index (energy, "tce"));
  g_assert_cmpint (coef->kind, ==, GA_VALUE_BLANK);
  g_assert_cmpstr (ga_engine_lookup (engine, "key_unit")->value.u.text, ==, "否");
  g_assert_cmpint (ga_engine_lookup (engine, "key_unit")->status, ==, GA_STATUS_COMPLETE);

  set_typed (engine, "elec_equal", "0.3");
  assert_energy (engine, GA_STATUS_COMPLETE, 30.7143, "等价值 0.3 kgce/kWh (用户填写)",
                 "等价值 (用户填写)");
  coef = ga_engine_get_cell (engine, energy, 0, column_index (energy, "coef"));
  g_assert_cmpint (coef->kind, ==, GA_VALUE_NUMBER);
  g_assert_cmpfloat_with_epsilon (coef->u.number, 0.3, 1e-12);

  /* Back to the 当量值: the coefficient entered stays but does not apply. */
  set_typed (engine, "elec_basis", "calorific");
  assert_energy (engine, GA_STATUS_COMPLETE, 13.0043, cal, "当量值 (附录A)");
  g_assert_cmpint (ga_engine_lookup (engine, "elec_equal")->status, ==, GA_STATUS_NA);

  /* A measured coefficient in the row, without its source. */
  {
    static const char measured[] =
        "[{\"carrier\": \"electricity\", \"qty\": 100000, \"coef_own\": 0.125},"
        " {\"carrier\": \"raw_coal\", \"qty\": 1000}]";
    set_typed (engine, "energy", measured);
    assert_energy (engine, GA_STATUS_COMPLETE, 13.2143, cal, "实测/自定: 来源未填写");
    set_typed (engine, "elec_basis", "primary");
    assert_energy (engine, GA_STATUS_COMPLETE, 13.2143, "等价值 0.3 kgce/kWh (用户填写)",
                   "实测/自定: 来源未填写");
  }
}

/* Texts a user sees (sources, reasons for unverified values, row notes,
 * guidance, titles) cite public documents: standards with their clauses,
 * announcements, published forms. They must never point to the project's
 * own research notes, which do not ship: no note file names, no section
 * references in the notes' style ("§2.1"), no confidence tags. */
static const char * const note_markers[] = {
  ".md", "[3P]", "[M]", "[U]", "[S]", "[V", "VERIFY",
};

/* The first note-style reference in @text, or NULL. */
static const char *
note_reference (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (note_markers); i++)
    if (strstr (text, note_markers[i]) != NULL)
      return note_markers[i];
  /* "§" followed by a section number, as in "§2.1" or "§ 1–§5". */
  for (const char *p = strstr (text, "§"); p != NULL; p = strstr (p + 1, "§"))
    {
      const char *q = p + strlen ("§");
      while (*q == ' ')
        q++;
      if (g_ascii_isdigit (*q))
        return "§ and a section number";
    }
  return NULL;
}

/* Adds "path: marker in 'text'" to @found for every string below @node. */
static void
collect_note_references (JsonNode   *node,
                         const char *path,
                         GPtrArray  *found)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        for (GList *l = members; l != NULL; l = l->next)
          {
            g_autofree char *child = g_strdup_printf ("%s.%s", path, (const char *) l->data);
            collect_note_references (json_object_get_member (object, l->data), child, found);
          }
        break;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);
            collect_note_references (json_array_get_element (array, i), child, found);
          }
        break;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);
          const char *marker = note_reference (text);

          if (marker != NULL)
            g_ptr_array_add (found, g_strdup_printf ("%s: %s in '%s'", path, marker, text));
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}

static GPtrArray *
note_references_in (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  collect_note_references (json_parser_get_root (parser), "$", found);
  return found;
}

/* The check itself finds every kind of reference, and not plain citations. */
static void
test_note_references_detected (void)
{
  g_autoptr(GPtrArray) found = note_references_in (
      "{\"source\": \"green-factory.md §2.1 (table) [3P]\","
      " \"sections\": [{\"unverified_reason\": \"wording [M]; topic list [V S1/S2]\"},"
      "  {\"note\": \"verification.md\"}, {\"note\": \"see § 1.4\"},"
      "  {\"x\": [\"[U] memory\", \"[S] stated\", \"year VERIFY\"]}],"
      " \"ok\": [\"GB/T 36132-2025 第5章 评分规则\", \"GB/T 2589-2008 附录A\","
      "  \"《电镀行业清洁生产评价指标体系》表1 (综合电镀) 第5行\", \"§ alone\", 3]}");

  for (guint i = 0; i < found->len; i++)
    g_test_message ("%s", (const char *) found->pdata[i]);
  g_assert_cmpuint (found->len, ==, 7);
  g_assert_true (g_str_has_prefix (found->pdata[0], "$.source: .md in"));
  g_assert_true (g_str_has_prefix (found->pdata[3], "$.sections[2].note: § and a section number"));
  g_assert_true (g_str_has_prefix (found->pdata[6], "$.sections[3].x[2]: VERIFY"));
}

/* No string anywhere in a bundled template refers to the research notes. */
static void
test_no_note_references (gconstpointer data)
{
  const char *id = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GaTemplate) tmpl = ga_template_new_from_resource (id, &error);
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *json = NULL;
  gsize size;
  const char *bytes;

  g_assert_no_error (error);
  bytes = g_bytes_get_data (ga_template_get_bytes (tmpl), &size);
  json = g_strndup (bytes, size);
  found = note_references_in (json);
  for (guint i = 0; i < found->len; i++)
    g_printerr ("%s: %s\n", id, (const char *) found->pdata[i]);
  g_assert_cmpuint (found->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ga/templates/bundled/list", test_list_bundled);
  for (guint i = 0; i < G_N_ELEMENTS (bundled_ids); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ga/templates/bundled/%s", bundled_ids[i]);
      g_test_add_data_func (path, bundled_ids[i], test_bundled);
    }
  g_test_add_func ("/ga/templates/provenance/detector", test_note_references_detected);
  for (guint i = 0; i < G_N_ELEMENTS (bundled_ids); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ga/templates/provenance/%s", bundled_ids[i]);
      g_test_add_data_func (path, bundled_ids[i], test_no_note_references);
    }
  g_test_add_func ("/ga/templates/green-factory/first-level-points", test_first_level_points);
  g_test_add_func ("/ga/templates/electroplating/weights", test_electroplating_weights);
  g_test_add_func ("/ga/templates/energy/electricity-basis", test_energy_electricity_basis);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ga/templates/%s/%s", cases[i].template_id,
                                               cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }

  return g_test_run ();
}
