-- scenarios/cnc/mill_exam_plate.lua - CNC milling operator exam (intermediate level):
-- a plate with an outer square boss, a rectangular pocket and four drilled holes.
-- The trainee references the machine, sets the work offset and both tools by
-- touching off, verifies the program in machine lock, machines the part with the
-- door closed and coolant on, measures it and hands it in.
--
-- Frame: machine coordinates of a small vertical machining centre (m): x, y table
-- travel, z the spindle gauge line above the table top (z = 0). SI units throughout
-- (mm = 1e-3). API reference: docs/cnc.md; rubric semantics: docs/rubric.md.

local mm = 1e-3

scenario {
  id = "cnc/mill_exam_plate",
  title = { en = "CNC milling exam: boss, pocket and holes",
            zh = "数控铣工考试：凸台、型腔与孔",
            -- fr/th/ar: machine-drafted, for a translator to review
            fr = "Examen de fraisage CN : bossage, poche et perçages",
            th = "สอบงานกัด CNC: ปุ่มนูน โพรง และรู",
            ar = "اختبار التفريز CNC: نتوء وجيب وثقوب" },
  brief = {
    en = "Reference the machine, set G54 at the top centre of the 80 x 80 x 20 mm "
      .. "block and touch off T1 (D10 end mill) and T2 (D8.02 drill). Verify program "
      .. "O1001 in machine lock, then machine the part with the door closed and "
      .. "coolant on, measure it and hand it in.",
    zh = "回参考点，以80×80×20毛坯上表面中心设定G54，试切对刀T1（Φ10立铣刀）和T2"
      .. "（Φ8.02钻头）。机床锁住校验程序O1001后，关门、开冷却液加工零件，测量后交件。",
  },
  seed = 1,
  time_limit = 3600,            -- s: the exam's hard stop
  autopilot = "cnc_mill_expert",
}

-- A small vertical machining centre (VMC850 class, FANUC 0i-MF): figures of a
-- typical Chinese school machine's data sheet.
cnc {
  machine = "mill",
  travel_min = { 0.0, 0.0, 0.10 },       -- m: controlled point = spindle gauge line
  travel_max = { 0.50, 0.40, 0.50 },
  home = { 0.50, 0.40, 0.50 },           -- reference point at the positive ends
  start = { 0.30, 0.25, 0.40 },          -- power-on position
  rapid = { 0.5, 0.5, 0.4 },             -- 30 / 30 / 24 m/min
  accel = { 2.0, 2.0, 2.0 },
  max_feed = 0.167,                      -- 10 m/min
  jog_speed = 0.02,
  dry_run_feed = 0.05,
  spindle_max = 8000 / 60,
  spindle_accel = 200,
  tool_change = 2.5,
  ra_base = 0.4e-6,                      -- m: floor of the roughness estimate
  coolant_required = 1,
  first_tool = 1,
}

-- 80 x 80 x 20 mm 2A12 aluminium block in the vise, top at z = 0.10 m
stock { min = { 0.21, 0.16, 0.08 }, max = { 0.29, 0.24, 0.10 },
        res = 0.1 * mm,
        origin = { 0.25, 0.20, 0.10 } }  -- drawing origin: top centre

fixture { min = { 0.19, 0.145, 0.0 }, max = { 0.31, 0.16, 0.09 } }   -- fixed jaw
fixture { min = { 0.19, 0.24, 0.0 }, max = { 0.31, 0.255, 0.09 } }  -- moving jaw
fixture { min = { 0.0, 0.0, -0.05 }, max = { 0.5, 0.4, 0.0 } }       -- table

tool { number = 1, type = "flat", radius = 5 * mm, corner = 0.2 * mm,
       flute_len = 25 * mm, length = 100 * mm, holder_r = 16 * mm, teeth = 3 }
tool { number = 2, type = "drill", radius = 4.01 * mm, point_angle = math.rad(118),
       flute_len = 50 * mm, length = 120 * mm, holder_r = 12 * mm, teeth = 2 }

program "mill_exam_plate.nc"

-- ---------------------------------------------------------------- the drawing
-- drawing frame: origin at the block's top centre, mm on the sheet
gauge { name = "70 0/-0.04",     kind = "outer_x", at = { 0, 0, -2.5 * mm },
        nominal = 70 * mm, lo = 69.96 * mm, hi = 70 * mm }                -- cnc_dim1
gauge { name = "70 0/-0.04 (Y)", kind = "outer_y", at = { 0, 0, -2.5 * mm },
        nominal = 70 * mm, lo = 69.96 * mm, hi = 70 * mm }                -- cnc_dim2
gauge { name = "30 +0.04/0",     kind = "inner_x", at = { 0, 0, -2 * mm },
        nominal = 30 * mm, lo = 30 * mm, hi = 30.04 * mm }                -- cnc_dim3
gauge { name = "20 +0.04/0",     kind = "inner_y", at = { 0, 0, -2 * mm },
        nominal = 20 * mm, lo = 20 * mm, hi = 20.04 * mm }                -- cnc_dim4
gauge { name = "4 +0.05/0",      kind = "depth", at = { 25 * mm, 0, 0 },
        at2 = { 0, 7 * mm, 0 },
        nominal = 4 * mm, lo = 4 * mm, hi = 4.05 * mm }                   -- cnc_dim5
gauge { name = "5 +/-0.05",      kind = "depth", at = { 25 * mm, 0, 0 },
        at2 = { 37.5 * mm, 0, 0 },
        nominal = 5 * mm, lo = 4.95 * mm, hi = 5.05 * mm }                -- cnc_dim6
gauge { name = "4x D8 +0.05/0",  kind = "hole", at = { 25 * mm, 25 * mm, -3 * mm },
        nominal = 8 * mm, lo = 8 * mm, hi = 8.05 * mm }                   -- cnc_dim7
gauge { name = "D8 +0.05/0 (2)", kind = "hole", at = { -25 * mm, -25 * mm, -3 * mm },
        nominal = 8 * mm, lo = 8 * mm, hi = 8.05 * mm }                   -- cnc_dim8
gauge { name = "depth 10 +/-0.1", kind = "depth", at = { 25 * mm, 0, 0 },
        at2 = { 25 * mm, 25 * mm, 0 },
        nominal = 10 * mm, lo = 9.9 * mm, hi = 10.1 * mm }                -- cnc_dim9

-- the nominal profile (top view, drawing frame): boss 70 x 70 R5, pocket 30 x 20 R5,
-- four D8 holes on a 50 x 50 square
local function rounded_rect(w, h, r)   -- closed outline of a w x h rectangle, corners r
  local pts, seg = {}, 6
  local corners = { { w / 2 - r, h / 2 - r, 0 }, { -w / 2 + r, h / 2 - r, 90 },
                    { -w / 2 + r, -h / 2 + r, 180 }, { w / 2 - r, -h / 2 + r, 270 } }
  for _, c in ipairs(corners) do
    for i = 0, seg do
      local a = math.rad(c[3] + 90 * i / seg)
      pts[#pts + 1] = { c[1] + r * math.cos(a), c[2] + r * math.sin(a) }
    end
  end
  return pts
end
local function circle(x, y, r)        -- closed outline of a circle
  local pts = {}
  for i = 0, 31 do
    local a = 2 * math.pi * i / 32
    pts[#pts + 1] = { x + r * math.cos(a), y + r * math.sin(a) }
  end
  return pts
end
outline { points = rounded_rect(70 * mm, 70 * mm, 5 * mm), closed = true }
outline { points = rounded_rect(30 * mm, 20 * mm, 5 * mm), closed = true }
for _, p in ipairs({ { 25, 25 }, { -25, 25 }, { -25, -25 }, { 25, -25 } }) do
  outline { points = circle(p[1] * mm, p[2] * mm, 4 * mm), closed = true }
end

surface { name = "boss wall Ra1.6",     kind = "wall",  at = { -34.99 * mm, 0, -2.5 * mm },
          spec = 1.6e-6 }                                                 -- cnc_ra1
surface { name = "pocket floor Ra3.2",  kind = "floor", at = { 0, 7 * mm, -4.02 * mm },
          spec = 3.2e-6 }                                                 -- cnc_ra2

-- ---------------------------------------------------------------- the exam sheet
local SHEET = "CNC milling operator, intermediate (national vocational skill exam sheet)"
local SAFE = "CNC milling operator exam: safe and orderly work"

rubric {
  max_score = 100, pass_score = 60,
  sections = {
    { id = "dimensions", en = "Dimensions",            zh = "尺寸精度" },
    { id = "finish",     en = "Surface finish",        zh = "表面粗糙度" },
    { id = "procedure",  en = "Setup and procedure",   zh = "操作规程" },
    { id = "safety",     en = "Safe and orderly work", zh = "安全文明生产", cap = 10 },
    { id = "time",       en = "Time",                  zh = "时间" },
  },
  log_capacity = 256,
}

local function dim(id, n, metric, lo, hi, pts, cap, en, zh)
  rule { id = id, section = "dimensions", kind = "final_band", metric = metric,
         band = { lo, hi }, unit = 0.01 * mm, points = pts, cap = cap,
         en = en, zh = zh, cite = { standard = SHEET, clause = "item " .. n } }
end
dim("boss_x", 1, "cnc_dim1", 69.96 * mm, 70 * mm, 2, 10,
    "Boss 70 0/-0.04 along X (2 per 0.01 mm out)", "凸台70 0/-0.04（X向，每超差0.01扣2分）")
dim("boss_y", 2, "cnc_dim2", 69.96 * mm, 70 * mm, 2, 10,
    "Boss 70 0/-0.04 along Y (2 per 0.01 mm out)", "凸台70 0/-0.04（Y向，每超差0.01扣2分）")
dim("pocket_x", 3, "cnc_dim3", 30 * mm, 30.04 * mm, 2, 7,
    "Pocket 30 +0.04/0 (2 per 0.01 mm out)", "型腔30 +0.04/0（每超差0.01扣2分）")
dim("pocket_y", 4, "cnc_dim4", 20 * mm, 20.04 * mm, 2, 7,
    "Pocket 20 +0.04/0 (2 per 0.01 mm out)", "型腔20 +0.04/0（每超差0.01扣2分）")
dim("pocket_depth", 5, "cnc_dim5", 4 * mm, 4.05 * mm, 2, 6,
    "Pocket depth 4 +0.05/0 (2 per 0.01 mm out)", "型腔深4 +0.05/0（每超差0.01扣2分）")
dim("step_depth", 6, "cnc_dim6", 4.95 * mm, 5.05 * mm, 2, 6,
    "Boss height 5 +/-0.05 (2 per 0.01 mm out)", "凸台高5±0.05（每超差0.01扣2分）")
dim("hole_1", 7, "cnc_dim7", 8 * mm, 8.05 * mm, 1, 3,
    "Hole D8 +0.05/0 (1 per 0.01 mm out)", "孔Φ8 +0.05/0（每超差0.01扣1分）")
dim("hole_2", 8, "cnc_dim8", 8 * mm, 8.05 * mm, 1, 3,
    "Hole D8 +0.05/0, second hole (1 per 0.01 mm out)", "孔Φ8 +0.05/0（第二孔，每超差0.01扣1分）")
dim("hole_depth", 9, "cnc_dim9", 9.9 * mm, 10.1 * mm, 1, 4,
    "Hole depth 10 +/-0.1 (1 per 0.01 mm out)", "孔深10±0.1（每超差0.01扣1分）")

-- roughness: any excess over the callout is one grade worse (unit larger than any excess)
rule { id = "ra_wall", section = "finish", kind = "final_band", metric = "cnc_ra1",
       band = { 0, 1.6e-6 }, unit = 1, points = 4, cap = 4,
       en = "Boss wall rougher than Ra1.6", zh = "凸台侧面粗糙度低于Ra1.6",
       cite = { standard = SHEET, clause = "roughness" } }
rule { id = "ra_floor", section = "finish", kind = "final_band", metric = "cnc_ra2",
       band = { 0, 3.2e-6 }, unit = 1, points = 4, cap = 4,
       en = "Pocket floor rougher than Ra3.2", zh = "型腔底面粗糙度低于Ra3.2",
       cite = { standard = SHEET, clause = "roughness" } }

-- procedure order (docs/rubric.md "order": B only after A) and conditions that must hold
-- while something happens ("precondition"), over plain machine state
rule { id = "no_reference", section = "procedure", kind = "order",
       metric = "cnc_auto_starts", after = "cnc_referenced", points = 4, cap = 4,
       en = "Cycle start before reference return", zh = "未回参考点即启动自动运行",
       cite = { standard = SHEET, clause = "machine operation" } }
rule { id = "tool_not_set", section = "procedure", kind = "order",
       metric = "cnc_auto_cutting", after = "cnc_tools_set", points = 4, cap = 4,
       en = "Cut with a tool whose offset was not set", zh = "刀具未对刀即加工",
       cite = { standard = SHEET, clause = "tool setting" } }
rule { id = "not_verified", section = "procedure", kind = "order",
       metric = "cnc_auto_cutting", after = "cnc_verified", points = 4, cap = 4,
       en = "Cut before verifying the program", zh = "程序未校验即加工",
       cite = { standard = SHEET, clause = "program verification" } }
rule { id = "not_measured", section = "procedure", kind = "final_band",
       metric = "cnc_measured", band = { 1, 1 }, unit = 1, points = 3, cap = 3,
       en = "Part not measured before handing in", zh = "交件前未测量零件",
       cite = { standard = SHEET, clause = "inspection" } }

rule { id = "door_open", section = "safety", kind = "precondition",
       metric = "cnc_run_spindle", requires = "cnc_door_closed", points = 3, cap = 6,
       en = "Spindle running in automatic with the door open", zh = "自动运行时未关防护门",
       cite = { standard = SAFE, clause = "guards" } }
rule { id = "no_coolant", section = "safety", kind = "precondition",
       metric = "cnc_run_cutting", requires = "cnc_coolant", points = 3, cap = 3,
       en = "Cutting without coolant", zh = "未开冷却液切削",
       cite = { standard = SAFE, clause = "coolant" } }
rule { id = "overtravel", section = "safety", kind = "edge",
       metric = "cnc_overtravel", points = 2, cap = 4,
       en = "Over-travel alarm", zh = "超程报警",
       cite = { standard = SAFE, clause = "machine operation" } }
rule { id = "estop", section = "safety", kind = "edge",
       metric = "cnc_estops", points = 2, cap = 4,
       en = "Emergency stop needed", zh = "使用急停",
       cite = { standard = SAFE, clause = "machine operation" } }

rule { id = "time", section = "time", kind = "time_curve",
       metric = "time", when = "task_done", optimum = 1200, zero_at = 1.5, cap = 4,
       en = "Time over 20 min (all points lost at 30 min or part not handed in)",
       zh = "用时超过20分钟（30分钟或未交件全扣）",
       cite = { standard = SHEET, clause = "time" } }

rule { id = "crash", section = "safety", kind = "critical", metric = "cnc_crash",
       action = "zero",
       en = "Crash: tool, holder or spindle into the part or fixture",
       zh = "撞刀：刀具、刀柄或主轴撞工件或夹具",
       cite = { standard = SAFE, clause = "major accident" } }
