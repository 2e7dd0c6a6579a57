#version 330 core
// hud.vert - 2D quads in pixels (origin top-left) for text and panels.
layout(location = 0) in vec2 a_xy;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_rgba;
uniform vec2 u_screen;   // target size in pixels
out vec2 v_uv;
out vec4 v_rgba;
void main() {
  v_uv = a_uv;
  v_rgba = a_rgba;
  gl_Position = vec4(a_xy.x / u_screen.x * 2.0 - 1.0, 1.0 - a_xy.y / u_screen.y * 2.0, 0.0, 1.0);
}
