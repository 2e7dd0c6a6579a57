-- scenarios/port/sts_first_lift.lua - first lift with a ship-to-shore (STS) crane:
-- take the 40 ft container off the truck chassis and set it in the marked slot on
-- the ship's hatch cover, between two containers already stowed there.
--
-- Frame: z up, x along the quay (gantry), y from land (-) to sea (+) (trolley),
-- z = 0 quay surface. Units: m, s, kg, N, rad. Colours are linear RGB 0..1 (the
-- sRGB look we want, decoded: e.g. concrete sRGB 0.60 grey -> 0.319 linear).
-- API reference: docs/scenario-api.md; rubric semantics: docs/rubric.md.

scenario {
  id = "port/sts_first_lift",
  title = { en = "STS crane: first lift, truck to ship",
            zh = "岸桥：首次吊装，集卡装船",
            -- fr/th/ar: machine-drafted, for a translator to review
            fr = "Portique STS : premier levage, du camion au navire",
            th = "ปั้นจั่น STS: ยกครั้งแรก จากรถสู่เรือ",
            ar = "رافعة الرصيف STS: الرفعة الأولى، من الشاحنة إلى السفينة" },
  brief = {
    en = "Pick the 40 ft container off the truck chassis and set it down in the "
      .. "marked slot on the ship's hatch cover, between the two stowed containers. "
      .. "Lock the twistlocks before hoisting, keep the load steady near landing, "
      .. "touch down gently and unlock once it rests in the slot.",
    zh = "从集卡底盘上吊起40英尺集装箱，放入船舶舱盖上两个已堆放集装箱之间的标记箱位。"
      .. "起升前锁紧旋锁，着箱前控制摇摆，轻放后开锁。",
  },
  seed = 1,
  time_limit = 300,          -- s, hard limit: the attempt ends here
  autopilot = "sts_expert",
}

-- Crane figures: typical published data-sheet values for Post-Panamax / Super-Post-
-- Panamax STS cranes (manufacturer data sheets, ZPMC and Liebherr STS series), the
-- same figures as the engine defaults in engine/sim/hh_model.c, repeated here so the
-- scenario states what it trains on.
crane {
  gantry  = { min = -50, max = 50, start = 0,
              max_speed = 0.75,        -- 45 m/min gantry travel
              accel = 0.2 },           -- m/s^2, usual gantry drive setting
  trolley = { min = -40, max = 55, start = -10,
              max_speed = 4.0,         -- 240 m/min trolley travel
              accel = 0.5 },           -- m/s^2
  hoist   = { min = 3, max = 60, start = 20,  -- rope length below the sheaves (m)
              max_speed = 3.0,         -- 180 m/min with an empty spreader
              max_speed_loaded = 1.5,  -- 90 m/min with rated load
              accel = 0.6 },           -- m/s^2
  sheave_height = 45,                  -- m above the quay (~40 m lift height above rail)
  rail_y = { -30.48, 0 },              -- 30.48 m (100 ft) rail gauge, waterside rail at y = 0
  spreader_mass = 11000,               -- kg, spreader + headblock ~11 t
  spreader_half = { 6.096, 1.219, 0.35 },
  rope_ea = 8.4e7,                     -- N: 2 falls of 30 mm wire rope per lumped rope
  rope_damping = 0.05,
  sway_damping = 0,                    -- 1/s: no anti-sway aid, the operator damps sway
  rope_spread = { 2.0, 0.8 },          -- m, rope attachment half spacing on the headblock
  lock_time = 1.0,                     -- s per twistlock turn
  align_tol = 0.05,                    -- m, corner alignment tolerance for locking
}

-- ---------------------------------------------------------------- the quay
local concrete = { 0.319, 0.319, 0.296 }
local steel    = { 0.100, 0.100, 0.113 }

box { name = "quay", role = "ground", pos = { 0, -28.5, -1 }, half = { 80, 31.5, 1 },
      color = concrete }
box { name = "water", role = "water", pos = { 0, 76.5, -3.05 }, half = { 200, 73.5, 0.05 },
      color = { 0.013, 0.073, 0.171 } }                    -- plane at z = -3, y 3..150
box { name = "rail_land", role = "visual", pos = { 0, -30.48, 0.05 },
      half = { 80, 0.08, 0.05 }, color = steel }
box { name = "rail_sea", role = "visual", pos = { 0, 0, 0.05 },
      half = { 80, 0.08, 0.05 }, color = steel }

-- ---------------------------------------------------------------- the truck
box { name = "truck_chassis", role = "landing", pos = { 0, -15, 1.3 },
      half = { 6.3, 1.25, 0.2 }, color = { 0.040, 0.040, 0.043 } }     -- top z = 1.5
box { name = "truck_cab", role = "obstacle", pos = { 8.3, -15, 1.8 },
      half = { 1.2, 1.25, 1.8 }, color = { 0.828, 0.828, 0.869 } }
box { name = "truck_cab_stripe", role = "visual", pos = { 8.3, -15, 2.2 },
      half = { 1.21, 1.26, 0.15 }, color = { 0.013, 0.084, 0.448 } }

-- ---------------------------------------------------------------- the ship
box { name = "ship_hull", role = "obstacle", pos = { 0, 25, -4 },
      half = { 100, 16, 6 }, color = { 0.171, 0.010, 0.007 } }           -- top z = 2
box { name = "ship_sheer_band", role = "visual", pos = { 0, 25, 1.0 },
      half = { 100.05, 16.05, 0.9 }, color = { 0.007, 0.007, 0.009 } }
box { name = "hatch_cover", role = "landing", pos = { 0, 15, 3 },
      half = { 7.5, 6, 1 }, color = { 0.171, 0.233, 0.179 } }            -- top z = 4

-- a 40 ft box: 12.192 x 2.438 x 2.591 m (ISO 668 1AA)
local box40 = { 6.096, 1.219, 1.2955 }
box { name = "stowed_land", role = "obstacle", pos = { 0, 12.36, 5.2955 }, half = box40,
      color = { 0.010, 0.084, 0.380 } }                                  -- blue
box { name = "stowed_sea", role = "obstacle", pos = { 0, 17.64, 5.2955 }, half = box40,
      color = { 0.020, 0.214, 0.051 } }                                  -- green

-- ---------------------------------------------------------------- the yard
-- stacks of 40 ft containers behind the quay: drawn only (no collision, not scored)
yard { rows = 8, bays = 11, tiers = 4, origin = { -65, -57.5, 0 },
       pitch = { 13.0, 2.8 }, fill = 0.7 }

-- ---------------------------------------------------------------- the task
container { half = box40, mass = 20000,                  -- kg gross
            pos = { 0, -15, 2.7955 }, yaw = 0,           -- resting on the chassis
            color = { 0.787, 0.073, 0.010 } }                -- orange-red

target { pos = { 0, 15, 4.0 }, yaw = 0,                  -- container bottom centre in the slot
         tol = 0.05,                                     -- m
         zone_height = 4, zone_radius = 4 }              -- near-landing zone: the last 4 m (m)

-- ---------------------------------------------------------------- the rubric
-- Items follow the judging aspects summarised in /work/shared/RUBRICS.md (clauses are
-- those aspect names, not clause numbers of a published text).
local CONTEST = "Port crane skill contest, China (STS): judging aspects"
local NCCCO   = "NCCCO-style crane operator practical exam"

rubric {
  max_score = 100, pass_score = 60,
  sections = {
    { id = "safety",     en = "Safety",     zh = "安全", cap = 50 },  -- 55 in items, 50 at most
    { id = "precision",  en = "Precision",  zh = "精度" },
    { id = "efficiency", en = "Efficiency", zh = "效率" },
  },
  log_capacity = 256,
}

rule { id = "sway_near_landing", section = "safety", kind = "threshold",
       metric = "sway_angle", when = "near_landing", above = 1.0, dwell = 2.0,
       points = 5, cap = 20,
       en = "Load sway above 1 deg for more than 2 s near landing",
       zh = "着箱区内吊具摇摆超过1度且持续2秒以上",
       cite = { standard = CONTEST, clause = "stability" } }

rule { id = "collisions", section = "safety", kind = "edge",
       metric = "collisions", points = 5, cap = 20,
       en = "Container or spreader touched an obstacle",
       zh = "集装箱或吊具碰触障碍物",
       cite = { standard = NCCCO, clause = "touching obstacles" } }

rule { id = "landing_speed", section = "safety", kind = "threshold",
       metric = "impact_speed", above = 0.3, dwell = 0,
       points = 5, cap = 10,
       en = "Touched down faster than 0.3 m/s",
       zh = "着箱速度超过0.3米/秒",
       cite = { standard = CONTEST, clause = "height control" } }

rule { id = "landing_offset", section = "precision", kind = "final_band",
       metric = "landing_offset", band = { 0, 0.05 }, unit = 0.01,
       points = 2, cap = 20,
       en = "Landing offset from the slot centre beyond 0.05 m (per 0.01 m)",
       zh = "着箱位置偏离箱位中心超过0.05米（每0.01米扣分）",
       cite = { standard = CONTEST, clause = "precision" } }

rule { id = "time", section = "efficiency", kind = "time_curve",
       metric = "time", when = "task_done", optimum = 90, zero_at = 1.5, cap = 30,
       en = "Time over the 90 s optimum (all points lost at 135 s or task not done)",
       zh = "用时超过90秒最佳时间（135秒或未完成则全扣）",
       cite = { standard = NCCCO, clause = "optimum time" } }

rule { id = "lock_before_landing", section = "safety", kind = "order",
       metric = "locked", after = "landed", points = 5, cap = 5,
       en = "Turned the twistlocks before the spreader had landed on the container",
       zh = "吊具未着箱即转动旋锁闭锁",
       cite = { standard = NCCCO, clause = "operating procedure" } }

rule { id = "hoist_unlocked", section = "safety", kind = "critical",
       metric = "hoist_unlocked", action = "zero",
       en = "Hoisted with the twistlocks not fully locked or unlocked",
       zh = "旋锁未完全闭锁或开锁时起升",
       cite = { standard = NCCCO, clause = "dangerous acts" } }

rule { id = "load_lost", section = "safety", kind = "critical",
       metric = "load_lost", action = "zero",
       en = "Load dropped or tipped over",
       zh = "集装箱坠落或倾翻",
       cite = { standard = NCCCO, clause = "dangerous acts" } }
