/* hh_rcamera.c - the three cameras: the operator cab under the trolley (looking down
 * and seaward at the spreader), a spectator orbit and a side view following the
 * spreader. Column-major matrices for GL. */
#include "hh_render_int.h"
#include <cglm/cglm.h>
#include <math.h>
#include <string.h>

void hh_camera_matrices(const hh_camera *cam, const hh_model *m, const hh_data *d,
                        float aspect, float view[16], float proj[16]) {
  if (m->machine == HH_MACHINE_CNC_MILL || m->machine == HH_MACHINE_CNC_LATHE) { hh_rcnc_camera(cam, m, d, aspect, view, proj); return; }
  if (m->machine == HH_MACHINE_OFFSHORE_CRANE) { hh_rmarine_camera(cam, m, d, aspect, view, proj); return; }
  if (m->machine == HH_MACHINE_SHIP) { hh_rship_camera(cam, m, d, aspect, view, proj); return; }
  hh_crane_pose p;
  hh_rscene_pose(m, d, &p);
  vec3 eye, at, up = {0, 0, 1};
  float fov = glm_rad(50.0f), znear = 0.5f, zfar = 1200.0f;
  vec3 spr = {(float)p.spreader[0], (float)p.spreader[1], (float)p.spreader[2]};
  if (aspect <= 0) aspect = 16.0f / 9.0f;
  switch (cam ? cam->mode : HH_CAM_ORBIT) {
    case HH_CAM_CAB: {
      /* eye in the cab, looking through the floor window at the spreader, the view
         tilted seaward like an operator sitting facing the ship */
      eye[0] = (float)p.cab[0] - 0.6f;
      eye[1] = (float)p.cab[1];
      eye[2] = (float)p.cab[2];
      at[0] = spr[0];
      at[1] = spr[1] + 0.15f * (eye[2] - spr[2]);
      at[2] = spr[2] - 2.0f;
      up[0] = 0, up[1] = 1, up[2] = 0;
      fov = glm_rad(60.0f);
      znear = 0.2f;
      break;
    }
    case HH_CAM_FOLLOW: {
      /* from the side and a little above, diagonally from the landside so the line of
         sight passes between the portal legs and shows the load's long side */
      glm_vec3_copy(spr, at);
      eye[0] = spr[0] + 34.0f;
      eye[1] = spr[1] - 27.0f;
      eye[2] = spr[2] + 7.0f;
      if (eye[2] < 2.0f) eye[2] = 2.0f;
      fov = glm_rad(40.0f);
      break;
    }
    default: {
      /* spectator: orbits the crane's middle; yaw/pitch/dist add to the defaults */
      float yaw = -0.55f + (cam ? cam->orbit_yaw : 0.0f);
      float pitch = 0.20f + (cam ? cam->orbit_pitch : 0.0f);
      float dist = (cam && cam->orbit_dist > 0) ? cam->orbit_dist : 135.0f;
      pitch = glm_clamp(pitch, -0.05f, 1.5f);
      at[0] = (float)p.gx;
      at[1] = (float)(0.5 * (m->sts.rail_y[0] + m->sts.rail_y[1])) + 12.0f;
      at[2] = (float)(0.55 * m->sts.sheave_z);
      eye[0] = at[0] + dist * cosf(pitch) * cosf(yaw);
      eye[1] = at[1] + dist * cosf(pitch) * sinf(yaw);
      eye[2] = at[2] + dist * sinf(pitch);
      if (eye[2] < 1.0f) eye[2] = 1.0f;
      break;
    }
  }
  mat4 v, pr;
  glm_lookat(eye, at, up, v);
  glm_perspective(fov, aspect, znear, zfar, pr);
  memcpy(view, v, sizeof(float) * 16);
  memcpy(proj, pr, sizeof(float) * 16);
}
