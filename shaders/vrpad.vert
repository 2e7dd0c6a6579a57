#version 330 core
// vrpad.vert - the CNC key pad's textured quad in the VR eye (world position, uv).
layout(location = 0) in vec3 a_pos;
layout(location = 1) in vec2 a_uv;
uniform mat4 u_vp;       // eye projection * view
out vec2 v_uv;
void main() {
  v_uv = a_uv;
  gl_Position = u_vp * vec4(a_pos, 1.0);
}
