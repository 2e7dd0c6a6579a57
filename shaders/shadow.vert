#version 330 core
// shadow.vert - instanced boxes into the sun's depth map.
layout(location = 0) in vec3 a_pos;
layout(location = 2) in mat4 i_model;
uniform mat4 u_light_vp;
void main() { gl_Position = u_light_vp * (i_model * vec4(a_pos, 1.0)); }
