#version 330 core
// hud.frag - glyph coverage (or the atlas's white block for panels) times colour.
in vec2 v_uv;
in vec4 v_rgba;
uniform sampler2D u_atlas;
out vec4 o_rgba;
void main() {
  float cov = texture(u_atlas, v_uv).r;
  o_rgba = vec4(v_rgba.rgb, v_rgba.a * cov);
}
