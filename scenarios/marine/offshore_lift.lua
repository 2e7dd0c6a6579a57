-- scenarios/marine/offshore_lift.lua - offshore platform crane: lift a cargo container
-- off the aft deck of a supply vessel heaving in a moderate sea and land it on the
-- platform's laydown area, keeping clear of the personnel area.
--
-- Frame: z up, z = 0 the mean sea level; the platform deck is at z = 25 m, its edge
-- at y = -5; the vessel lies alongside on DP with its bow toward +x. Units: m, s, kg,
-- N, rad. Models and sources: docs/marine.md.

scenario {
  id = "marine/offshore_lift",
  title = { en = "Offshore crane: cargo lift from a supply vessel",
            zh = "海上平台吊机：从平台供应船吊运货物",
            -- fr/th/ar: machine-drafted, for a translator to review
            fr = "Grue offshore : levage depuis un navire ravitailleur",
            th = "ปั้นจั่นนอกชายฝั่ง: ยกสินค้าจากเรือสนับสนุน",
            ar = "رافعة بحرية: رفع شحنة من سفينة إمداد" },
  brief = {
    en = "The deck crew has hooked the 20 ft cargo container on the supply vessel's aft "
      .. "deck. Keep the wire slack while the deck heaves, lift off fast on a rising deck, "
      .. "clear the deck without touching it again, luff in before slewing so the load never "
      .. "passes over the personnel area, and land it gently on the marked laydown area.",
    zh = "甲板人员已将20英尺货物集装箱挂钩于供应船后甲板。甲板起伏时保持钢丝绳松弛，"
      .. "在甲板上升时快速起吊，起吊后不得再次触碰甲板；回转前先变幅收臂，吊物不得经过"
      .. "人员区域上方，平稳放置于平台标记的堆放区。",
  },
  seed = 7,
  time_limit = 400,
  substeps = 8,              -- 480 Hz for the hung load and its contacts
  autopilot = "offshore_expert",
}

-- Sea: JONSWAP, Hs 2.0 m, Tp 8 s (sea state 4, moderate), head seas on the vessel.
sea { hs = 2.0, tp = 8.0, gamma = 3.3, dir = math.pi - 0.5, spread = 0, components = 256 }

-- Wind: 12 m/s 1-hour mean at 10 m with NPD (Froya) gusts, from ahead of the vessel.
wind { speed = 12, dir = math.pi, gusts = 1, components = 64 }

-- Supply vessel: 80 m platform supply vessel form (docs/marine.md), on DP alongside.
vessel { hull = "psv80", length = 80, beam = 18, draft = 6, depth = 8, kg = 6.0,
         pos = { 0, 22, 0 }, heading = 0,
         cargo_spot = { -12, 0 } }           -- m from midship: the container's place

-- Pedestal crane on the platform: 40 m lattice boom, main hoist with a single fall.
offshore_crane {
  base = { 0, -8, 33 },                      -- slew axis, boom heel pin 8 m above the deck
  boom_length = 40,
  luff_min = math.rad(10), luff_max = math.rad(78),
  wire_min = 3, wire_max = 90,
  slew_speed = 0.10,                         -- rad/s (about 1 rpm)
  luff_speed = 0.05,                         -- rad/s
  hoist_speed = 1.2,                         -- m/s main hoist, single fall
  accel = 1.0,
  wire_ea = 1.2e7,                           -- N: wire + boom + hook compliance (EN 13852-1 crane stiffness)
  wire_damping = 0.1,
  hook_mass = 500,
  sling_height = 3,                          -- m, four-leg sling to the master link
  load_chart = { { 8, 40000 }, { 15, 30000 }, { 20, 24000 }, { 25, 20000 },
                 { 30, 16000 }, { 35, 13000 }, { 40, 10000 } },   -- {radius m, SWL kg}, off-board at Hs 2.5 m
  dyn_limit = 1.6,                           -- tension / weight counted as a snatch load
  wind_limit = 20,                           -- m/s, crane operating limit
  hs_limit = 3.0,                            -- m, off-board lift limit
  ahc = 0,
  landing = { -12, -22, 25 },                -- laydown target: load bottom centre
  landing_half = { 7, 6 },
  landing_tol = 0.5,
  load_half = { 3.03, 1.22, 1.30 },          -- 20 ft offshore container (DNV 2.7-1 type)
  load_mass = 8000,
  start_slack = 2.0,
  deck_x = { -40, 10 },                      -- open cargo deck from the stern to 10 m fwd of midship
  nogo = { { -30, -10, 4, 4 } },             -- personnel area (walkway to the muster point)
}

-- ---------------------------------------------------------------- the platform
local steel  = { 0.20, 0.20, 0.21 }
local yellow = { 0.80, 0.55, 0.02 }
box { name = "platform_deck", role = "ground", pos = { -5, -25, 24 }, half = { 30, 20, 1 },
      color = steel }                                                    -- top z = 25
box { name = "laydown", role = "visual", pos = { -12, -22, 25.02 }, half = { 7, 6, 0.02 },
      color = yellow }
box { name = "personnel_area", role = "visual", pos = { -30, -10, 25.02 }, half = { 4, 4, 0.02 },
      color = { 0.60, 0.05, 0.03 } }
box { name = "pedestal", role = "obstacle", pos = { 0, -8, 29 }, half = { 1.5, 1.5, 4 },
      color = yellow }
box { name = "jacket_leg_1", role = "visual", pos = { -30, -10, 11.5 }, half = { 1, 1, 11.5 },
      color = steel }
box { name = "jacket_leg_2", role = "visual", pos = { 20, -10, 11.5 }, half = { 1, 1, 11.5 },
      color = steel }
box { name = "module", role = "obstacle", pos = { 10, -30, 31 }, half = { 12, 10, 6 },
      color = { 0.75, 0.75, 0.72 } }

-- ---------------------------------------------------------------- the rubric
-- Items follow offshore crane operation guidance (API RP 2D "Operation and Maintenance
-- of Offshore Cranes", NORSOK R-003 "Safe use of lifting equipment", DNV-ST-N001
-- marine operations) and the STCW simulator assessment practice in
-- /work/shared/RUBRICS.md; the clause fields name the topic, not clause numbers.
local API2D  = "API RP 2D, offshore crane operation"
local NORSOK = "NORSOK R-003, safe use of lifting equipment"
local DNV    = "DNV-ST-N001, marine operations (lifting)"
local STCW   = "STCW Section A-I/12, simulator assessment"

rubric {
  max_score = 100, pass_score = 60,
  sections = {
    { id = "safety",     en = "Safety",     zh = "安全" },
    { id = "precision",  en = "Precision",  zh = "精度" },
    { id = "efficiency", en = "Efficiency", zh = "效率" },
  },
  log_capacity = 256,
}

rule { id = "liftoff_falling", section = "safety", kind = "edge",
       metric = "liftoff_falling_deck", points = 10, cap = 10,
       en = "Lifted off while the deck was falling (lift on a rising deck)",
       zh = "甲板下沉时起吊（应在甲板上升时起吊）",
       cite = { standard = DNV, clause = "lift-off from a vessel" } }

rule { id = "recontact", section = "safety", kind = "edge",
       metric = "recontacts", points = 10, cap = 20,
       en = "Load struck the vessel deck again after lift-off",
       zh = "起吊后吊物再次撞击甲板",
       cite = { standard = API2D, clause = "off-board lifts" } }

rule { id = "snatch", section = "safety", kind = "edge",
       metric = "snatch_loads", points = 5, cap = 15,
       en = "Snatch load: wire tension above 1.6 x the load's weight",
       zh = "冲击载荷：钢丝绳张力超过吊重的1.6倍",
       cite = { standard = DNV, clause = "dynamic amplification" } }

rule { id = "slack_jerk", section = "safety", kind = "critical",
       metric = "slack_jerk", action = "zero",
       en = "Wire went slack with the load hanging, then jerked taut",
       zh = "吊物悬空时钢丝绳松弛后突然绷紧",
       cite = { standard = API2D, clause = "slack rope, shock loading" } }

rule { id = "overload", section = "safety", kind = "critical",
       metric = "crane_overload", action = "zero",
       en = "Hook load above the load chart (safe-load indicator tripped)",
       zh = "吊钩载荷超过起重性能表（安全载荷指示器报警）",
       cite = { standard = API2D, clause = "load charts, rated capacity" } }

rule { id = "weather_limit", section = "safety", kind = "critical",
       metric = "over_weather_limit", action = "zero",
       en = "Lifted with wind or sea above the crane's operating limit",
       zh = "风速或海况超过吊机作业限值时起吊",
       cite = { standard = NORSOK, clause = "weather criteria" } }

rule { id = "over_personnel", section = "safety", kind = "threshold",
       metric = "over_nogo", above = 0.5, dwell = 0, points = 10, cap = 20,
       en = "Load carried over the personnel area",
       zh = "吊物经过人员区域上方",
       cite = { standard = NORSOK, clause = "no lifting over personnel" } }

rule { id = "landing_speed", section = "safety", kind = "threshold",
       metric = "impact_speed", above = 0.5, dwell = 0, points = 5, cap = 5,
       en = "Touched down on the platform faster than 0.5 m/s",
       zh = "平台着落速度超过0.5米/秒",
       cite = { standard = API2D, clause = "landing loads" } }

rule { id = "sway", section = "precision", kind = "threshold",
       metric = "sway_angle", when = "lifted_off", above = 5.0, dwell = 3.0,
       points = 2, cap = 5,
       en = "Load sway above 5 deg for more than 3 s",
       zh = "吊物摆动超过5度且持续3秒以上",
       cite = { standard = STCW, clause = "quality limits" } }

rule { id = "landing_offset", section = "precision", kind = "final_band",
       metric = "landing_offset", band = { 0, 1.0 }, unit = 0.25,
       points = 1, cap = 5,
       en = "Landing offset from the laydown mark beyond 1 m (per 0.25 m)",
       zh = "着落位置偏离堆放区标记超过1米（每0.25米扣分）",
       cite = { standard = STCW, clause = "quality limits" } }

rule { id = "time", section = "efficiency", kind = "time_curve",
       metric = "time", when = "task_done", optimum = 150, zero_at = 2.0, cap = 10,
       en = "Time over the 150 s optimum (all points lost at 300 s or task not done)",
       zh = "用时超过150秒最佳时间（300秒或未完成则全扣）",
       cite = { standard = STCW, clause = "time" } }
