#version 330 core
// sky.vert - one full-screen triangle; passes on the points of the near and the far
// plane under each corner (homogeneous world coordinates: linear across the screen,
// so the interpolated values are exact and sky.frag need not unproject per pixel).
uniform mat4 u_inv_view_proj;
out vec4 v_near;
out vec4 v_far;
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2)) * 2.0 - 1.0;
  v_near = u_inv_view_proj * vec4(p, -1.0, 1.0);
  v_far = u_inv_view_proj * vec4(p, 1.0, 1.0);
  gl_Position = vec4(p, 1.0, 1.0);   // depth 1: the far plane, behind every box
}
