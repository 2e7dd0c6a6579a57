#version 330 core
// sky.frag - gradient by view direction: haze at the horizon, blue at the zenith, sun.
in vec2 v_ndc;
uniform mat4 u_inv_view_proj;
uniform vec3 u_zenith_rgb;
uniform vec3 u_haze_rgb;
uniform vec3 u_sun_dir;
out vec4 o_rgba;
void main() {
  vec4 a = u_inv_view_proj * vec4(v_ndc, -1.0, 1.0);
  vec4 b = u_inv_view_proj * vec4(v_ndc, 1.0, 1.0);
  vec3 dir = normalize(b.xyz / b.w - a.xyz / a.w);
  float up = clamp(dir.z, 0.0, 1.0);
  vec3 c = mix(u_haze_rgb, u_zenith_rgb, pow(up, 0.35));
  c += vec3(1.0, 0.9, 0.7) * pow(max(dot(dir, u_sun_dir), 0.0), 400.0);
  c = clamp(c, 0.0, 1.0);
  o_rgba = vec4(mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c)), 1.0);
}
