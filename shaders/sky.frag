#version 330 core
// sky.frag - gradient by view direction: haze at the horizon, blue at the zenith, sun.
in vec4 v_near;   // the near plane's point under this pixel (homogeneous, world)
in vec4 v_far;    // and the far plane's
uniform vec3 u_zenith_rgb;
uniform vec3 u_haze_rgb;
uniform vec3 u_sun_dir;
out vec4 o_rgba;
void main() {
  vec3 dir = normalize(v_far.xyz / v_far.w - v_near.xyz / v_near.w);
  float up = clamp(dir.z, 0.0, 1.0);
  vec3 c = mix(u_haze_rgb, u_zenith_rgb, pow(up, 0.35));
  // the sun: cos^400 by squaring (x^256 x^128 x^16), cheaper than pow's exp2(log2)
  float s1 = max(dot(dir, u_sun_dir), 0.0), s2 = s1 * s1, s4 = s2 * s2, s8 = s4 * s4;
  float s16 = s8 * s8, s32 = s16 * s16, s64 = s32 * s32, s128 = s64 * s64;
  c += vec3(1.0, 0.9, 0.7) * (s128 * s128 * s128 * s16);
  c = clamp(c, 0.0, 1.0);
  o_rgba = vec4(mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c)), 1.0);
}
