/* test_xr_math.c - eye projection from OpenXR's asymmetric view angles and the eye's
 * view matrix from the seated space at the operator's chair (engine/xr/hh_xr_math.c), and
 * the part of the eye the desktop mirror shows (hh_xr_pair.c). */
#include "hh_test.h"
#include <stdlib.h>
#include "../../engine/xr/hh_xr_int.h"
#include <math.h>

/* out = m * (x, y, z, 1) for a column-major 4x4 */
static void xform(const float m[16], const float p[3], float out[4]) {
  for (int i = 0; i < 4; i++) out[i] = m[i] * p[0] + m[4 + i] * p[1] + m[8 + i] * p[2] + m[12 + i];
}

/* quaternion for a rotation of a (rad) about unit axis (x, y, z) */
static void axis_q(float x, float y, float z, float a, float q[4]) {
  q[0] = x * sinf(a / 2), q[1] = y * sinf(a / 2), q[2] = z * sinf(a / 2), q[3] = cosf(a / 2);
}

/* a world point seen by the eye: eye-space coordinates */
static void see(const float cab[3], const float center[4], const float p[3], const float q[4],
                const float world[3], float eye[4]) {
  float v[16];
  hh_xr_eye_view(cab, center, p, q, v);
  xform(v, world, eye);
}

/* the mirror shows the eye's centre cropped to the window's shape and filling it:
   inside the eye, centred, the window's aspect, and the whole eye along one axis */
static void mirror_crop(int sw, int sh, int dw, int dh) {
  int s[4];
  hh_xr_mirror_crop(sw, sh, dw, dh, s);
  int w = s[2] - s[0], h = s[3] - s[1];
  CHECK(s[0] >= 0 && s[1] >= 0 && s[2] <= sw && s[3] <= sh && w > 0 && h > 0);
  CHECK(abs((s[0] + s[2]) - sw) <= 1 && abs((s[1] + s[3]) - sh) <= 1);
  CHECK_NEAR((double)w / h, (double)dw / dh, 1.0 / (h < w ? h : w));
  CHECK(w == sw || h == sh);
}

int main(void) {
  mirror_crop(1832, 1920, 1280, 720); /* headset eye into a 16:9 window: top and bottom cut */
  mirror_crop(1832, 1920, 1024, 768);
  mirror_crop(1832, 1920, 1920, 1920);
  mirror_crop(1000, 500, 640, 480);   /* a wide eye into a 4:3 window: sides cut */
  mirror_crop(64, 64, 320, 180);
  {
    int s[4];
    hh_xr_mirror_crop(1832, 1920, 1280, 720, s);
    CHECK(s[0] == 0 && s[2] == 1832 && s[3] - s[1] == 1031 && s[1] == 444);
  }
  /* symmetric +-45 deg: the GL perspective of a 90 deg fov, aspect 1 */
  float pr[16];
  const float a = 0.785398163f, n = 0.05f, f = 1200.0f;
  hh_xr_projection(-a, a, a, -a, n, f, pr);
  CHECK_NEAR(pr[0], 1.0, 1e-5);
  CHECK_NEAR(pr[5], 1.0, 1e-5);
  CHECK_NEAR(pr[8], 0.0, 1e-6);
  CHECK_NEAR(pr[9], 0.0, 1e-6);
  CHECK_NEAR(pr[10], -(f + n) / (f - n), 1e-6);
  CHECK_NEAR(pr[11], -1.0, 0);
  CHECK_NEAR(pr[14], -2 * f * n / (f - n), 1e-6);

  /* asymmetric (a left eye): the frustum edges land on the NDC edges; near -> -1 */
  const float l = -0.9f, r = 0.6f, u = 0.7f, d = -0.8f;
  hh_xr_projection(l, r, u, d, n, f, pr);
  float c[4], pts[4][3] = {{tanf(l) * 10, 0, -10}, {tanf(r) * 10, 0, -10},
                           {0, tanf(u) * 10, -10}, {0, tanf(d) * 10, -10}};
  xform(pr, pts[0], c);
  CHECK_NEAR(c[0] / c[3], -1.0, 1e-5);
  xform(pr, pts[1], c);
  CHECK_NEAR(c[0] / c[3], 1.0, 1e-5);
  xform(pr, pts[2], c);
  CHECK_NEAR(c[1] / c[3], 1.0, 1e-5);
  xform(pr, pts[3], c);
  CHECK_NEAR(c[1] / c[3], -1.0, 1e-5);
  float near_pt[3] = {0, 0, -n};
  xform(pr, near_pt, c);
  CHECK_NEAR(c[2] / c[3], -1.0, 1e-5);

  /* head at the seat's origin looking ahead: seaward (+y) is straight ahead, +z is up,
     +x (gantry) is to the right */
  const float cab[3] = {5, -8, 42}, p0[3] = {0, 0, 0}, q0[4] = {0, 0, 0, 1};
  float e[4];
  float ahead[3] = {5, 2, 42}, up[3] = {5, -8, 43}, right[3] = {6, -8, 42};
  see(cab, NULL, p0, q0, ahead, e);
  CHECK_NEAR(e[0], 0, 1e-5); CHECK_NEAR(e[1], 0, 1e-5); CHECK_NEAR(e[2], -10, 1e-4);
  see(cab, NULL, p0, q0, up, e);
  CHECK_NEAR(e[1], 1, 1e-5); CHECK_NEAR(e[2], 0, 1e-5);
  see(cab, NULL, p0, q0, right, e);
  CHECK_NEAR(e[0], 1, 1e-5); CHECK_NEAR(e[1], 0, 1e-5);

  /* looking straight down (pitch -90 deg): the quay below is ahead; seaward is up */
  float qd[4];
  axis_q(1, 0, 0, -1.5707963f, qd);
  float below[3] = {5, -8, 2};
  see(cab, NULL, p0, qd, below, e);
  CHECK_NEAR(e[0], 0, 1e-4); CHECK_NEAR(e[1], 0, 1e-4); CHECK_NEAR(e[2], -40, 1e-3);
  float sea[3] = {5, -7, 42};
  see(cab, NULL, p0, qd, sea, e);
  CHECK_NEAR(e[1], 1, 1e-4);

  /* head moved 0.1 m right and 0.2 m back: the world shifts the other way */
  float pm[3] = {0.1f, 0, 0.2f};
  see(cab, NULL, pm, q0, ahead, e);
  CHECK_NEAR(e[0], -0.1, 1e-4); CHECK_NEAR(e[2], -10.2, 1e-4);

  /* turned 90 deg left: seaward is now on the right; recentering restores it */
  float ql[4];
  axis_q(0, 1, 0, 1.5707963f, ql);
  see(cab, NULL, p0, ql, ahead, e);
  CHECK_NEAR(e[0], 10, 1e-4); CHECK_NEAR(e[2], 0, 1e-4);
  CHECK_NEAR(hh_xr_yaw(ql), 1.5707963, 1e-5);
  float ph[3] = {0.3f, 0.1f, -0.2f};
  float center[4] = {ph[0], ph[1], ph[2], hh_xr_yaw(ql)};
  see(cab, center, ph, ql, ahead, e);
  CHECK_NEAR(e[0], 0, 1e-4); CHECK_NEAR(e[1], 0, 1e-4); CHECK_NEAR(e[2], -10, 1e-4);
  /* yaw ignores pitch: a head turned left and looking down keeps its heading */
  float qlp[4], t[4];
  axis_q(1, 0, 0, -0.8f, t);
  /* qlp = ql * t */
  qlp[0] = ql[3] * t[0] + ql[0] * t[3] + ql[1] * t[2] - ql[2] * t[1];
  qlp[1] = ql[3] * t[1] - ql[0] * t[2] + ql[1] * t[3] + ql[2] * t[0];
  qlp[2] = ql[3] * t[2] + ql[0] * t[1] - ql[1] * t[0] + ql[2] * t[3];
  qlp[3] = ql[3] * t[3] - ql[0] * t[0] - ql[1] * t[1] - ql[2] * t[2];
  CHECK_NEAR(hh_xr_yaw(qlp), 1.5707963, 1e-4);
  return hh_test_done("test_xr_math");
}
