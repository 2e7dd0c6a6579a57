-- scenarios/marine/berthing.lua - bring a loaded VLCC (KVLCC2 hull) alongside a tanker
-- berth, starboard side to, between a moored ship ahead and the end of the quay, with
-- two tugs made fast on the port side, in an off-berth wind and a weak current.
--
-- Frame: z up, x along the quay, y from land (-) to sea (+), z = 0 the quay surface,
-- still water at z = -3. Units: m, s, kg, N, rad. Ship model: MMG standard method with
-- the published KVLCC2 coefficients (docs/ship.md). Controls: rudder (axis 0), engine
-- telegraph (axis 1), tugs fore / aft (axes 3, 4: + push, - pull).

scenario {
  id = "marine/berthing",
  title = { en = "Ship berthing: VLCC alongside a tanker berth",
            zh = "船舶靠泊：超大型油轮靠泊油码头",
            -- fr/th/ar: machine-drafted, for a translator to review
            fr = "Accostage : VLCC le long d'un poste pétrolier",
            th = "การเทียบท่า: เรือ VLCC เทียบท่าเรือน้ำมัน",
            ar = "إرساء السفينة: ناقلة VLCC بجانب رصيف الناقلات" },
  brief = {
    en = "Bring the tanker up the approach line, take the way off her abreast of the "
      .. "marked berth without closing the ship moored ahead, then push her in with the "
      .. "tugs. Land her flat on the fenders at no more than 0.15 m/s and hold her "
      .. "alongside, stopped, with midship on the berth mark.",
    zh = "沿进港航线驶近，在标记泊位正横处停船，勿靠近前方系泊船；再用拖轮顶推横移靠拢。"
      .. "以不超过0.15米/秒的速度平行贴靠护舷，停稳靠妥，船中对准泊位标记。",
  },
  seed = 1,
  time_limit = 2400,          -- s: a VLCC berthing takes 15 to 30 minutes
  substeps = 2,               -- RK4 steps per tick (1/120 s)
  autopilot = "ship_expert",
}

-- KVLCC2 (320 m, 312 600 m^3): coefficients from Yasukawa & Yoshimura 2015.
-- 1.8 m/s (3.5 kn) through the water, 700 m before the berth, 55 m off the fenders.
ship {
  hull = "kvlcc2",
  start = { -700, 86, 0 },    -- midship x, y (m), heading (rad): bow toward +x
  speed = 1.8,                -- m/s (3.5 kn)
  engine_rate = 0.06,         -- rev/s per s: about 30 s from stop to full
  current = { -0.15, 0 },     -- m/s, weak flood against the approach
  water_z = -3,
}

-- wind off the berth (blowing toward +y, sea-ward): 10 m/s mean at 10 m with NPD gusts,
-- the same wind model as the offshore lift (docs/marine.md)
wind { speed = 10, dir = math.pi / 2, gusts = 1 }

-- two 65 t bollard-pull tugs on the port side, pushing toward the quay (starboard)
tug { name = "fore", at = { 100, -29 }, dir = math.pi / 2, max_force = 640e3, rate = 64e3 }
tug { name = "aft",  at = { -100, -29 }, dir = math.pi / 2, max_force = 640e3, rate = 64e3 }

-- the quay wall at y = 0 from x = -400 to 600; eight cell fenders standing 2 m off it
-- (rated ~ 1.3 MN at 0.5 m: linear 3 MN/m), spaced 30 m along the parallel middle body
berth {
  quay_y = 0, quay_x = { -400, 600 },
  target_x = 0, heading = 0,  -- midship on the berth mark, bow toward +x
  fenders = { -105, -75, -45, -15, 15, 45, 75, 105 },
  fender = { half_len = 2.5, depth = 2.0, stiffness = 3e6, damping = 3e6 },
  approach_radius = 400,      -- m: the near_berth zone
  settle_time = 20,           -- s alongside and stopped = berthed
  stop_speed = 0.05,          -- m/s
}

-- ---------------------------------------------------------------- the scene
local concrete = { 0.319, 0.319, 0.296 }
box { name = "quay", role = "ground", pos = { 100, -40, -2 }, half = { 500, 40, 2 },
      color = concrete }                                          -- top z = 0, face y = 0
box { name = "water", role = "water", pos = { 100, 400, -3.05 }, half = { 1400, 400, 0.05 },
      color = { 0.013, 0.073, 0.171 } }
box { name = "berth_mark", role = "visual", pos = { 0, -1.5, 0.02 }, half = { 1.0, 1.5, 0.02 },
      color = { 0.80, 0.60, 0.02 } }                               -- midship mark on the apron
-- a product tanker moored ahead (180 m x 32 m), 40 m clear of our bow at the berth
box { name = "moored_ship", role = "obstacle", pos = { 290, 18, -4 }, half = { 90, 16, 10 },
      color = { 0.171, 0.010, 0.007 } }

-- ---------------------------------------------------------------- the rubric
-- Items follow the assessment of berthing in STCW Table A-II/2 ("manoeuvre the ship":
-- berthing, unberthing) as ship-handling simulators score it (RUBRICS.md, Marine), with
-- the fender limit of PIANC WG 33 (2002) guidance on berthing velocities for large
-- ships in moderate conditions (about 0.1-0.15 m/s).
local STCW  = "STCW Code Table A-II/2: manoeuvre and handle a ship in all conditions"
local PIANC = "PIANC WG 33 (2002) Guidelines for the design of fender systems"

rubric {
  max_score = 100, pass_score = 60,
  sections = {
    { id = "safety",     en = "Safety",     zh = "安全" },
    { id = "precision",  en = "Precision",  zh = "精度" },
    { id = "efficiency", en = "Efficiency", zh = "效率" },
  },
  log_capacity = 256,
}

rule { id = "fender_speed", section = "safety", kind = "threshold",
       metric = "fender_speed", above = 0.15, dwell = 0, points = 15, cap = 30,
       en = "Landed on a fender faster than 0.15 m/s",
       zh = "触碰护舷速度超过0.15米/秒",
       cite = { standard = PIANC, clause = "4.2 berthing velocity" } }

rule { id = "fender_angle", section = "safety", kind = "threshold",
       metric = "fender_angle", above = 5.0, dwell = 0, points = 5, cap = 10,
       en = "Landed on the fenders at more than 5 deg to the quay line",
       zh = "贴靠护舷时与码头线夹角超过5度",
       cite = { standard = PIANC, clause = "4.3 berthing angle" } }

rule { id = "approach_speed", section = "safety", kind = "threshold",
       metric = "ship_speed", when = "near_berth", above = 1.5, dwell = 10, points = 5, cap = 10,
       en = "Speed above 1.5 m/s (3 kn) for more than 10 s near the berth",
       zh = "泊位附近航速超过1.5米/秒（3节）持续10秒以上",
       cite = { standard = STCW, clause = "berthing" } }

rule { id = "quay_hit", section = "safety", kind = "critical",
       metric = "quay_hit", action = "zero",
       en = "Struck the quay wall",
       zh = "船体撞击码头",
       cite = { standard = STCW, clause = "berthing" } }

rule { id = "ship_hit", section = "safety", kind = "critical",
       metric = "ship_hit", action = "zero",
       en = "Struck the moored ship",
       zh = "撞击系泊船舶",
       cite = { standard = STCW, clause = "berthing" } }

rule { id = "berth_offset", section = "precision", kind = "final_band",
       metric = "berth_offset", band = { 0, 5 }, unit = 1, points = 2, cap = 20,
       en = "Midship more than 5 m from the berth mark (per metre)",
       zh = "船中偏离泊位标记超过5米（每米扣分）",
       cite = { standard = STCW, clause = "berthing" } }

rule { id = "berth_heading", section = "precision", kind = "final_band",
       metric = "berth_heading_error", band = { 0, 2 }, unit = 1, points = 2, cap = 10,
       en = "Lying more than 2 deg off the quay line at the end (per degree)",
       zh = "结束时船身与码头线夹角超过2度（每度扣分）",
       cite = { standard = STCW, clause = "berthing" } }

rule { id = "time", section = "efficiency", kind = "time_curve",
       metric = "time", when = "task_done", optimum = 1500, zero_at = 1.6, cap = 20,
       en = "Time over the 25 min optimum (all points lost at 40 min or not berthed)",
       zh = "用时超过25分钟最佳时间（40分钟或未靠妥则全扣）",
       cite = { standard = STCW, clause = "berthing" } }
