#version 330 core
// sky.vert - one full-screen triangle; passes clip-space xy on.
out vec2 v_ndc;
void main() {
  vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2)) * 2.0 - 1.0;
  v_ndc = p;
  gl_Position = vec4(p, 1.0, 1.0);   // depth 1: the far plane, behind every box
}
