#version 330 core
// post_aa.vert - one triangle that covers the whole target (no vertex buffer: the
// corners come from gl_VertexID), for the post-process anti-aliasing pass.
void main() {
  vec2 p = vec2(float((gl_VertexID & 1) << 2) - 1.0, float((gl_VertexID & 2) << 1) - 1.0);
  gl_Position = vec4(p, 0.0, 1.0);
}
