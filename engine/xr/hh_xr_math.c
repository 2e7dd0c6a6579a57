/* hh_xr_math.c - eye projection from OpenXR view angles and the eye's world view matrix
 * from the head pose in the seated space at the operator's chair. Plain math. */
#include "hh_xr_int.h"
#include <math.h>
#include <string.h>

/* GL projection from asymmetric angles; column-major, clip z in [-1, 1] */
void hh_xr_projection(float left, float right, float up, float down, float znear,
                      float zfar, float out[16]) {
  float tl = tanf(left), tr = tanf(right), tu = tanf(up), td = tanf(down);
  float w = tr - tl, h = tu - td;
  memset(out, 0, sizeof(float) * 16);
  out[0] = 2.0f / w;
  out[5] = 2.0f / h;
  out[8] = (tr + tl) / w;
  out[9] = (tu + td) / h;
  out[10] = -(zfar + znear) / (zfar - znear);
  out[11] = -1.0f;
  out[14] = -2.0f * zfar * znear / (zfar - znear);
}

/* row-major 3x3 rotation of unit quaternion q (x, y, z, w) */
static void quat_rot(const float q[4], float r[3][3]) {
  float x = q[0], y = q[1], z = q[2], w = q[3];
  float n = x * x + y * y + z * z + w * w;
  float s = n > 0 ? 2.0f / n : 0.0f;
  r[0][0] = 1 - s * (y * y + z * z), r[0][1] = s * (x * y - z * w), r[0][2] = s * (x * z + y * w);
  r[1][0] = s * (x * y + z * w), r[1][1] = 1 - s * (x * x + z * z), r[1][2] = s * (y * z - x * w);
  r[2][0] = s * (x * z - y * w), r[2][1] = s * (y * z + x * w), r[2][2] = 1 - s * (x * x + y * y);
}

/* c = a * b for row-major 3x3 */
static void mul3(const float a[3][3], const float b[3][3], float c[3][3]) {
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      c[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j] + a[i][2] * b[2][j];
}

/* heading of q about the up axis */
float hh_xr_yaw(const float q[4]) {
  float r[3][3];
  quat_rot(q, r);
  /* forward is -z; a yaw t about +y sends it to (-sin t, 0, -cos t) */
  return atan2f(r[0][2], r[2][2]);
}

void hh_xr_eye_view(const float cab[3], const float center[4], const float p[3],
                    const float q[4], float out[16]) {
  /* seated space (x right, y up, -z forward) to world (z up, forward +y seaward) */
  static const float M[3][3] = {{1, 0, 0}, {0, 0, -1}, {0, 1, 0}};
  float cy = center ? cosf(center[3]) : 1.0f, sy = center ? sinf(center[3]) : 0.0f;
  const float Ry[3][3] = {{cy, 0, -sy}, {0, 1, 0}, {sy, 0, cy}}; /* yaw by -center */
  float rq[3][3], a[3][3], R[3][3];
  quat_rot(q, rq);
  mul3(M, Ry, a);
  mul3(a, rq, R);
  float d[3] = {p[0], p[1], p[2]};
  if (center)
    for (int i = 0; i < 3; i++) d[i] -= center[i];
  float t[3];
  for (int i = 0; i < 3; i++) t[i] = cab[i] + a[i][0] * d[0] + a[i][1] * d[1] + a[i][2] * d[2];
  /* view = inverse of [R | t] = [R^T | -R^T t] */
  memset(out, 0, sizeof(float) * 16);
  for (int i = 0; i < 3; i++) {
    for (int j = 0; j < 3; j++) out[j * 4 + i] = R[j][i];
    out[12 + i] = -(R[0][i] * t[0] + R[1][i] * t[1] + R[2][i] * t[2]);
  }
  out[15] = 1.0f;
}
