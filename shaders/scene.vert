#version 330 core
// scene.vert - instanced boxes: world position, normal, colour, light-space position.
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec3 a_nrm;
layout(location = 2) in mat4 i_model;   // locations 2..5
layout(location = 6) in vec4 i_rgba;
layout(location = 7) in vec4 i_mat;     // x: material (0 solid, 1 water, 2 emissive), y: roughness

uniform mat4 u_view_proj;
uniform mat4 u_light_vp;    // near shadow cascade (the far one is derived in scene.frag)

out vec3 v_world;
out vec3 v_nrm;
out vec4 v_rgba;
out vec4 v_light;
flat out float v_mat;
flat out float v_rough;   // 0..1; 0 in the instance means the default

void main() {
  vec4 w = i_model * vec4(a_pos, 1.0);
  v_world = w.xyz;
  v_nrm = normalize(mat3(i_model) * a_nrm);
  v_rgba = i_rgba;
  v_mat = i_mat.x;
  v_rough = i_mat.y > 0.0 ? i_mat.y : 0.65;
  // small offset along the normal keeps lit faces free of shadow acne
  v_light = u_light_vp * vec4(w.xyz + v_nrm * 0.08, 1.0);
  gl_Position = u_view_proj * w;
}
