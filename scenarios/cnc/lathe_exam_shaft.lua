-- scenarios/cnc/lathe_exam_shaft.lua - CNC turning operator exam (intermediate level):
-- a stepped shaft with an undercut groove and an M20 x 1.5 thread, turned from a
-- D40 bar. The trainee references the lathe, touches off the three tools on the bar's
-- face and diameter, verifies the program in machine lock, turns the part with the
-- door closed and coolant on, measures it and hands it in.
--
-- Frame: lathe machine coordinates (m): x radial (radius, 0 on the spindle axis), z
-- along the spindle (+ toward the tailstock), chuck face at z = 0. The controlled point
-- is the turret reference; tools reach (length_x, length_z) beyond it. SI units
-- (mm = 1e-3). API reference: docs/cnc.md; rubric semantics: docs/rubric.md.

local mm = 1e-3

scenario {
  id = "cnc/lathe_exam_shaft",
  title = { en = "CNC turning exam: stepped shaft with thread",
            zh = "数控车工考试：带螺纹阶梯轴",
            -- fr/th/ar: machine-drafted, for a translator to review
            fr = "Examen de tournage CN : arbre épaulé fileté",
            th = "สอบงานกลึง CNC: เพลาขั้นมีเกลียว",
            ar = "اختبار الخراطة CNC: عمود متدرج ملولب" },
  brief = {
    en = "Reference the lathe, touch off T1 (turning), T2 (3 mm grooving) and T3 "
      .. "(threading) on the D40 bar, Z0 1 mm inside the raw face. Verify program O2001 "
      .. "in machine lock, turn the shaft with the door closed and coolant on, measure "
      .. "it and hand it in.",
    zh = "回参考点，在Φ40棒料上试切对刀T1（外圆车刀）、T2（3毫米切槽刀）和T3（螺纹刀），"
      .. "Z0位于毛坯端面内1毫米。机床锁住校验程序O2001后，关门、开冷却液车削，测量后交件。",
  },
  seed = 1,
  time_limit = 3600,
  autopilot = "cnc_lathe_expert",
}

-- A flat-bed school lathe (CK6140 class, FANUC 0i-TF)
cnc {
  machine = "lathe",
  travel_min = { -0.005, 0, 0.0 },
  travel_max = { 0.16, 0, 0.41 },
  home = { 0.15, 0, 0.40 },
  start = { 0.10, 0, 0.30 },
  rapid = { 0.1, 0, 0.15 },              -- 6 / 9 m/min
  accel = { 1.5, 0, 1.5 },
  max_feed = 0.05,
  jog_speed = 0.015,
  dry_run_feed = 0.03,
  spindle_max = 2500 / 60,
  spindle_accel = 60,
  tool_change = 1.0,
  ra_base = 0.4e-6,
  coolant_required = 1,
  first_tool = 1,
}

-- D40 x 70 mm 45 steel bar, 12 mm in the chuck jaws; Z0 1 mm inside the raw face
stock { min = { 0, 0, 0 }, max = { 0.020, 0, 0.070 }, res = 0.05 * mm,
        origin = { 0, 0, 0.069 } }
fixture { min = { 0.020, -0.05, -0.06 }, max = { 0.06, 0.05, 0.012 } }   -- chuck jaws

tool { number = 1, type = "turn", radius = 0.4 * mm, length_x = 0.05, length_z = 0.08 }
tool { number = 2, type = "groove", width = 3 * mm, length_x = 0.055, length_z = 0.075 }
tool { number = 3, type = "thread", radius = 0.1 * mm, point_angle = math.rad(60),
       length_x = 0.052, length_z = 0.078 }

program "lathe_exam_shaft.nc"

-- ---------------------------------------------------------------- the drawing
-- drawing frame: origin on the axis at the finished right face, z toward the tailstock
gauge { name = "D28 0/-0.03", kind = "diameter", at = { 0, 0, -27 * mm },
        nominal = 28 * mm, lo = 27.97 * mm, hi = 28 * mm }                  -- cnc_dim1
gauge { name = "D36 0/-0.04", kind = "diameter", at = { 0, 0, -40 * mm },
        nominal = 36 * mm, lo = 35.96 * mm, hi = 36 * mm }                  -- cnc_dim2
gauge { name = "M20x1.5 major D19.85", kind = "diameter", at = { 0, 0, -8 * mm },
        nominal = 19.85 * mm, lo = 19.75 * mm, hi = 19.95 * mm }            -- cnc_dim3
gauge { name = "undercut D17", kind = "diameter", at = { 0, 0, -18 * mm },
        nominal = 17 * mm, lo = 16.9 * mm, hi = 17.1 * mm }                 -- cnc_dim4
gauge { name = "20 +/-0.05", kind = "length", at = { 12.5 * mm, 0, -1 * mm },
        nominal = 20 * mm, lo = 19.95 * mm, hi = 20.05 * mm }               -- cnc_dim5
gauge { name = "35 +/-0.05", kind = "length", at = { 14.5 * mm, 0, -1 * mm },
        nominal = 35 * mm, lo = 34.95 * mm, hi = 35.05 * mm }               -- cnc_dim6
gauge { name = "45 +/-0.1", kind = "length", at = { 18.5 * mm, 0, -1 * mm },
        nominal = 45 * mm, lo = 44.9 * mm, hi = 45.1 * mm }                 -- cnc_dim7
gauge { name = "M20x1.5 thread (root)", kind = "thread", at = { 0, 0, -2 * mm },
        at2 = { 0, 0, -14 * mm },
        nominal = 18.16 * mm, lo = 18.0 * mm, hi = 18.22 * mm }             -- cnc_dim8

-- the nominal profile (half section above the axis: {z, radius}, drawing frame): M20
-- thread (major D19.85) to the D17 x 4 undercut, D28 to Z-35, D36 to Z-45, then the bar
outline { points = { { 0, 0 }, { 0, 9.925 * mm }, { -16 * mm, 9.925 * mm },
                     { -16 * mm, 8.5 * mm }, { -20 * mm, 8.5 * mm }, { -20 * mm, 14 * mm },
                     { -35 * mm, 14 * mm }, { -35 * mm, 18 * mm }, { -45 * mm, 18 * mm },
                     { -45 * mm, 20 * mm }, { -55 * mm, 20 * mm } } }

surface { name = "D28 Ra1.6", kind = "turned", at = { 14 * mm, 0, -27 * mm }, spec = 1.6e-6 }
surface { name = "D36 Ra3.2", kind = "turned", at = { 18 * mm, 0, -40 * mm }, spec = 3.2e-6 }

-- ---------------------------------------------------------------- the exam sheet
local SHEET = "CNC turning operator, intermediate (national vocational skill exam sheet)"
local SAFE = "CNC turning operator exam: safe and orderly work"

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

local function dim(id, n, metric, lo, hi, unit, pts, cap, en, zh)
  rule { id = id, section = "dimensions", kind = "final_band", metric = metric,
         band = { lo, hi }, unit = unit, points = pts, cap = cap,
         en = en, zh = zh, cite = { standard = SHEET, clause = "item " .. n } }
end
local u = 0.01 * mm
dim("d28", 1, "cnc_dim1", 27.97 * mm, 28 * mm, u, 3, 12,
    "D28 0/-0.03 (3 per 0.01 mm out)", "Φ28 0/-0.03（每超差0.01扣3分）")
dim("d36", 2, "cnc_dim2", 35.96 * mm, 36 * mm, u, 3, 12,
    "D36 0/-0.04 (3 per 0.01 mm out)", "Φ36 0/-0.04（每超差0.01扣3分）")
dim("thread_major", 3, "cnc_dim3", 19.75 * mm, 19.95 * mm, u, 1, 4,
    "Thread major diameter D19.85 +/-0.1", "螺纹大径Φ19.85±0.1")
dim("undercut", 4, "cnc_dim4", 16.9 * mm, 17.1 * mm, u, 1, 4,
    "Undercut D17 +/-0.1", "退刀槽Φ17±0.1")
dim("len20", 5, "cnc_dim5", 19.95 * mm, 20.05 * mm, u, 2, 6,
    "Length 20 +/-0.05 (2 per 0.01 mm out)", "长度20±0.05（每超差0.01扣2分）")
dim("len35", 6, "cnc_dim6", 34.95 * mm, 35.05 * mm, u, 2, 6,
    "Length 35 +/-0.05 (2 per 0.01 mm out)", "长度35±0.05（每超差0.01扣2分）")
dim("len45", 7, "cnc_dim7", 44.9 * mm, 45.1 * mm, u, 1, 4,
    "Length 45 +/-0.1 (1 per 0.01 mm out)", "长度45±0.1（每超差0.01扣1分）")
-- thread gauge: a root outside the band fails the gauge, the item scores 0
rule { id = "thread_gauge", section = "dimensions", kind = "final_band", metric = "cnc_dim8",
       band = { 18.0 * mm, 18.22 * mm }, unit = 1, points = 12, cap = 12,
       en = "M20x1.5 thread: ring gauge fails", zh = "M20×1.5螺纹：环规检验不合格",
       cite = { standard = SHEET, clause = "thread" } }

rule { id = "ra_d28", section = "finish", kind = "final_band", metric = "cnc_ra1",
       band = { 0, 1.6e-6 }, unit = 1, points = 4, cap = 4,
       en = "D28 rougher than Ra1.6", zh = "Φ28外圆粗糙度低于Ra1.6",
       cite = { standard = SHEET, clause = "roughness" } }
rule { id = "ra_d36", section = "finish", kind = "final_band", metric = "cnc_ra2",
       band = { 0, 3.2e-6 }, unit = 1, points = 4, cap = 4,
       en = "D36 rougher than Ra3.2", zh = "Φ36外圆粗糙度低于Ra3.2",
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
       metric = "cnc_run_spindle", requires = "cnc_door_closed", points = 3, cap = 3,
       en = "Spindle running in automatic with the door open", zh = "自动运行时未关防护门",
       cite = { standard = SAFE, clause = "guards" } }
rule { id = "no_coolant", section = "safety", kind = "precondition",
       metric = "cnc_run_cutting", requires = "cnc_coolant", points = 2, cap = 2,
       en = "Cutting without coolant", zh = "未开冷却液切削",
       cite = { standard = SAFE, clause = "coolant" } }
rule { id = "overtravel", section = "safety", kind = "edge",
       metric = "cnc_overtravel", points = 2, cap = 2,
       en = "Over-travel alarm", zh = "超程报警",
       cite = { standard = SAFE, clause = "machine operation" } }
rule { id = "estop", section = "safety", kind = "edge",
       metric = "cnc_estops", points = 2, cap = 2,
       en = "Emergency stop needed", zh = "使用急停",
       cite = { standard = SAFE, clause = "machine operation" } }

rule { id = "time", section = "time", kind = "time_curve",
       metric = "time", when = "task_done", optimum = 1200, zero_at = 1.5, cap = 4,
       en = "Time over 20 min (all points lost at 30 min or part not handed in)",
       zh = "用时超过20分钟（30分钟或未交件全扣）",
       cite = { standard = SHEET, clause = "time" } }

rule { id = "crash", section = "safety", kind = "critical", metric = "cnc_crash",
       action = "zero",
       en = "Crash: tool or turret into the part or chuck",
       zh = "撞刀：刀具或刀架撞工件或卡盘",
       cite = { standard = SAFE, clause = "major accident" } }
