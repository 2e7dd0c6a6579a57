#version 330 core
// vrpad.frag - the pad texture (colour already weighted by its alpha).
in vec2 v_uv;
uniform sampler2D u_pad;
out vec4 o_rgba;
void main() {
  o_rgba = texture(u_pad, v_uv);
}
