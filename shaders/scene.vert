#version 330 core
// scene.vert - instanced boxes: world position, normal, colour, light-space position.
// Two materials are posed here rather than by their matrix alone: ropes (HH_MAT_ROPE)
// get a pixel-width floor, sea patches (HH_MAT_SEA) take their corner heights and
// slopes from the instance (hh_render_int.h, hh_ibuf_sea).
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_nrm;
layout(location = 2) in mat4 i_model;   // locations 2..5
layout(location = 6) in vec4 i_rgba;
layout(location = 7) in vec4 i_mat;     // x: material (0 solid, 1 water, 2 emissive,
                                        // 3 rope, 4 sea patch), y: roughness

uniform mat4 u_view_proj;
uniform mat4 u_light_vp;    // near shadow cascade (the far one is derived in scene.frag)
uniform float u_pix_scale;  // pixels per metre across the view at clip w = 1 (this view)

out vec3 v_world;
out vec3 v_nrm;
out vec4 v_rgba;
out vec4 v_light;
out float v_cov;          // fraction of the drawn width the object really covers (0..1]
flat out float v_mat;
flat out float v_rough;   // 0..1; 0 in the instance means the default

const float ROPE_MIN_PX = 1.25; // thinnest a rope is drawn, pixels

// a rope vertex: the bar's cross-section (local y, z; half thickness t = |column 1|)
// widened about its axis until it spans ROPE_MIN_PX; *cov the true / drawn width
vec4 rope_vertex(out float cov) {
  vec3 axis = (i_model * vec4(a_pos.x, 0.0, 0.0, 1.0)).xyz;
  vec3 off = mat3(i_model) * vec3(0.0, a_pos.y, a_pos.z);
  float t = length(i_model[1].xyz);
  float w = max((u_view_proj * vec4(axis, 1.0)).w, 1e-4);
  float px = 2.0 * t * u_pix_scale / w;           // true width on screen, pixels
  float k = max(1.0, ROPE_MIN_PX / max(px, 1e-6));
  cov = 1.0 / k;
  return vec4(axis + off * k, 1.0);
}

// a sea patch vertex: corner heights in column 0, slopes dz/dx in 1, dz/dy in 2
// (corners x-y-, x+y-, x-y+, x+y+), centre x, y and half size in column 3; the top
// face at the surface, the bottom 0.12 m below; *n the surface normal at the corner
vec4 sea_vertex(out vec3 n) {
  int i = (a_pos.x > 0.0 ? 1 : 0) + (a_pos.y > 0.0 ? 2 : 0);
  float z = i_model[0][i] - (a_pos.z > 0.0 ? 0.0 : 0.12);
  n = normalize(vec3(-i_model[1][i], -i_model[2][i], 1.0));
  return vec4(i_model[3].xy + a_pos.xy * i_model[3].z, z, 1.0);
}

void main() {
  vec4 w;
  vec3 n;
  v_cov = 1.0;
  if (i_mat.x == 4.0) {
    w = sea_vertex(n);
  } else {
    w = i_mat.x == 3.0 ? rope_vertex(v_cov) : i_model * vec4(a_pos, 1.0);
    n = normalize(mat3(i_model) * a_nrm);
  }
  v_world = w.xyz;
  v_nrm = n;
  v_rgba = i_rgba;
  v_mat = i_mat.x;
  v_rough = i_mat.y > 0.0 ? i_mat.y : 0.65;
  // small offset along the normal keeps lit faces free of shadow acne
  v_light = u_light_vp * vec4(w.xyz + v_nrm * 0.08, 1.0);
  gl_Position = u_view_proj * w;
}
