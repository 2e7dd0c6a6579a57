/* test_render_shadow.c - the view-fitted shadow cascades (math only, no GL context):
 * points the camera sees within the near distance land inside the near cascade, points
 * out to the far distance inside the far one, the far cascade is the near one scaled
 * and shifted (far_k, far_c), a cab-like view gets a much finer near map than the far
 * one, and the two eyes of a stereo pair (64 mm apart) share the maps. */
#include "hh_test.h"
#include "render/hh_render_int.h"
#include <cglm/cglm.h>
#include <math.h>
#include <string.h>

/* NDC of world point w under the column-major matrix m */
static void ndc(const float m[16], const float w[3], float out[3]) {
  for (int i = 0; i < 3; i++)
    out[i] = m[i] * w[0] + m[4 + i] * w[1] + m[8 + i] * w[2] + m[12 + i];
}

/* 1 when the NDC point is inside the unit cube */
static int inside(const float p[3]) {
  return fabsf(p[0]) <= 1 && fabsf(p[1]) <= 1 && fabsf(p[2]) <= 1;
}

/* fit the cascades for a camera at eye looking at ctr */
static void fit(hh_shadow *s, const float sun[3], float ex, float ey, float ez, float cx,
                float cy, float cz, float view[16], float proj[16]) {
  vec3 e = {ex, ey, ez}, c = {cx, cy, cz}, up = {0, 0, 1};
  mat4 v, p;
  glm_lookat(e, c, up, v);
  glm_perspective(glm_rad(60.0f), 16.0f / 9.0f, 0.5f, 1200.0f, p);
  memcpy(view, v, sizeof(float) * 16);
  memcpy(proj, p, sizeof(float) * 16);
  hh_rshadow_fit_view(s, sun, view, proj, 60.0f, 400.0f);
}

int main(void) {
  vec3 sun = {0.42f, -0.38f, 0.82f};
  glm_vec3_normalize(sun);
  hh_shadow s;
  memset(&s, 0, sizeof s);
  s.size = 1024;
  float view[16], proj[16];
  /* cab-like: 45 m up, looking down and seaward */
  fit(&s, sun, 0, -10, 45, 0, 10, 0, view, proj);
  mat4 iv;
  glm_mat4_inv((vec4 *)view, iv);
  int near_in = 0, far_in = 0, n = 0, affine_ok = 1;
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 5; j++)
      for (int k = 1; k <= 8; k++) {
        /* a point of the view: screen position (i, j), distance along the view */
        float d = (float)k * 7.0f; /* 7..56 m: within the near cascade */
        float sx = -0.9f + 0.45f * (float)i, sy = -0.9f + 0.45f * (float)j;
        vec4 pv = {d * sx / proj[0], d * sy / proj[5], -d, 1}, pw;
        glm_mat4_mulv(iv, pv, pw);
        float a[3], b[3];
        ndc(s.light_vp, pw, a);
        near_in += inside(a);
        vec4 pv2 = {pv[0] * 7, pv[1] * 7, pv[2] * 7, 1}, pw2; /* 49..392 m */
        glm_mat4_mulv(iv, pv2, pw2);
        ndc(s.far_vp, pw2, b);
        far_in += inside(b);
        ndc(s.far_vp, pw, b); /* far = near * k + c */
        for (int q = 0; q < 3; q++)
          if (fabsf(b[q] - (a[q] * s.far_k[q] + s.far_c[q])) > 1e-3f) affine_ok = 0;
        n++;
      }
  CHECK(near_in == n);
  CHECK(far_in == n);
  CHECK(affine_ok);
  /* the near map is several times finer than the far one */
  CHECK(s.light_vp[0] > 3.0f * s.far_vp[0]);
  /* a second eye 64 mm to the side shares both maps */
  hh_shadow s2;
  memset(&s2, 0, sizeof s2);
  s2.size = 1024;
  float v2[16], p2[16];
  fit(&s2, sun, 0.064f, -10, 45, 0.064f, 10, 0, v2, p2);
  CHECK(memcmp(s.light_vp, s2.light_vp, sizeof s.light_vp) == 0);
  CHECK(memcmp(s.far_vp, s2.far_vp, sizeof s.far_vp) == 0);
  /* moving the camera 100 m along the quay moves the maps with it */
  fit(&s2, sun, 100, -10, 45, 100, 10, 0, v2, p2);
  CHECK(memcmp(s.light_vp, s2.light_vp, sizeof s.light_vp) != 0);
  return hh_test_done("render_shadow");
}
