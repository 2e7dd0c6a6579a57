#version 330 core
// scene.frag - sun + hemisphere ambient, PCF shadow, distance haze. Compiled twice:
// plain for solid boxes and with HH_WATER for the animated water (separate programs,
// so solid pixels never pay for the ripple on a software rasteriser).
in vec3 v_world;
in vec3 v_nrm;
in vec4 v_rgba;
in vec4 v_light;
flat in float v_mat;

uniform sampler2DShadow u_shadow;
uniform vec3 u_sun_dir;      // towards the sun, unit
uniform vec3 u_sun_rgb;
uniform vec3 u_sky_rgb;      // ambient from above
uniform vec3 u_ground_rgb;   // ambient from below
uniform vec3 u_haze_rgb;
uniform vec3 u_eye;
uniform float u_time;        // s
uniform float u_shadow_texel;

out vec4 o_rgba;

// fraction of sunlight reaching this point: 2x2 bilinear-compared taps (4x4 PCF)
float shadow_factor() {
  vec3 p = v_light.xyz / v_light.w * 0.5 + 0.5;
  if (p.z >= 1.0) return 1.0;
  float z = p.z - 0.0015;
  float h = 0.5 * u_shadow_texel;
  return 0.25 * (texture(u_shadow, vec3(p.xy + vec2(-h, -h), z)) +
                 texture(u_shadow, vec3(p.xy + vec2(h, -h), z)) +
                 texture(u_shadow, vec3(p.xy + vec2(-h, h), z)) +
                 texture(u_shadow, vec3(p.xy + vec2(h, h), z)));
}

void main() {
  vec3 n = normalize(v_nrm);
  vec3 base = v_rgba.rgb;
  float spec = 0.0;
#ifdef HH_WATER
  // a gentle moving ripple bends the normal and adds glints
  vec3 view = normalize(u_eye - v_world);
  vec2 q = v_world.xy;
  float a = sin(q.x * 0.35 + u_time * 1.3) + sin(q.y * 0.52 - u_time * 1.7);
  float b = cos(q.x * 0.41 - u_time * 1.1) + cos(q.y * 0.33 + u_time * 1.9);
  n = normalize(vec3(a * 0.05, b * 0.05, 1.0));
  vec3 hv = normalize(u_sun_dir + view);
  spec = pow(max(dot(n, hv), 0.0), 80.0) * 0.6;
  float fres = 1.0 - max(dot(n, view), 0.0);
  base = mix(base, u_sky_rgb * 0.9, fres * fres * fres * 0.6);
#endif
  float ndl = max(dot(n, u_sun_dir), 0.0);
  float sh = ndl > 0.0 ? shadow_factor() : 0.0;
  vec3 amb = mix(u_ground_rgb, u_sky_rgb, n.z * 0.5 + 0.5);
  vec3 c = base * (amb + u_sun_rgb * (ndl * sh)) + u_sun_rgb * (spec * sh);
  float dist = length(u_eye - v_world);
  c = mix(c, u_haze_rgb, min(1.0 - exp(-dist * 0.0012), 0.85));
  o_rgba = vec4(pow(c, vec3(1.0 / 2.2)), 1.0);
}
