#version 330 core
// scene.frag - sun (normalised Blinn-Phong from roughness, Schlick Fresnel) + hemisphere
// ambient, PCF shadow, distance fog with height falloff, exact sRGB encoding. Compiled
// twice: plain for solid boxes and with HH_WATER for the moving water (separate
// programs, so solid pixels never pay for the waves on a software rasteriser).
in vec3 v_world;
in vec3 v_nrm;
in vec4 v_rgba;
in vec4 v_light;             // near shadow cascade, NDC (orthographic: w = 1)
flat in float v_mat;
flat in float v_rough;

uniform sampler2DShadow u_shadow;
uniform vec3 u_sun_dir;      // towards the sun, unit
uniform vec3 u_sun_rgb;
uniform vec3 u_sky_rgb;      // ambient from above
uniform vec3 u_ground_rgb;   // ambient from below
uniform vec3 u_haze_rgb;
uniform vec3 u_eye;
uniform float u_time;        // s
uniform float u_shadow_texel;
uniform vec3 u_far_k, u_far_c; // far cascade NDC = near NDC * k + c

out vec4 o_rgba;

// 2x2 bilinear-compared taps (4x4 PCF) in cascade c (0 left half, 1 right half of the
// texture) at light-space position p (0..1); h: half a texel of one cascade
float pcf(vec3 p, float c, float h) {
  vec2 uv = vec2((p.x + c) * 0.5, p.y);
  float z = p.z - 0.0015;
  float hx = 0.5 * h;
  return 0.25 * (texture(u_shadow, vec3(uv + vec2(-hx, -h), z)) +
                 texture(u_shadow, vec3(uv + vec2(hx, -h), z)) +
                 texture(u_shadow, vec3(uv + vec2(-hx, h), z)) +
                 texture(u_shadow, vec3(uv + vec2(hx, h), z)));
}

// fraction of sunlight reaching this point: the near cascade where it covers the
// point, else the far one; outside both (far away) counts as lit. Selected without
// branching, so one set of taps is taken (a software rasteriser runs both sides of a
// branch that differs inside a pixel block)
float shadow_factor() {
  float h = 0.5 * u_shadow_texel, m = 2.0 * u_shadow_texel;
  vec3 p0 = v_light.xyz * 0.5 + 0.5;
  vec3 p1 = (v_light.xyz * u_far_k + u_far_c) * 0.5 + 0.5;
  bool near = p0.z < 1.0 && all(greaterThan(p0.xy, vec2(m))) && all(lessThan(p0.xy, vec2(1.0 - m)));
  vec3 p = near ? p0 : p1;
  if (p.z >= 1.0 || any(lessThan(p.xy, vec2(m))) || any(greaterThan(p.xy, vec2(1.0 - m))))
    return 1.0;
  return pcf(p, near ? 0.0 : 1.0, h);
}

// linear to sRGB (IEC 61966-2-1)
vec3 to_srgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(0.0031308, c));
}

void main() {
  vec3 n = normalize(v_nrm);
  vec3 base = v_rgba.rgb;
  vec3 view = normalize(u_eye - v_world);
  float rough = v_rough;
#ifdef HH_WATER
  // moving water: two travelling wave trains bend the normal; glints and sky reflection.
  // Band-limited to the pixel: each wave's slope is scaled down by how much of its
  // phase one pixel spans (far away or at grazing angles the ripples are smaller than
  // a pixel and average out), and the slope variance lost that way, plus what the normal
  // still changes from pixel to pixel, widens the sun's lobe (roughness). Without it the
  // very narrow lobe of calm water hits or misses single pixels: white speckles.
  vec2 q = v_world.xy;
  vec2 qx = dFdx(q), qy = dFdy(q); // m per pixel, right and up
  // per wave: wave vector (rad/m) and the filter 1/(1 + phase^2/2) of its phase per pixel
  #define BAND(k) (1.0 / (1.0 + 0.5 * (dot(k, qx) * dot(k, qx) + dot(k, qy) * dot(k, qy))))
  float g1 = BAND(vec2(0.35, 0.0)), g2 = BAND(vec2(0.9, 0.4)), g3 = BAND(vec2(0.0, 0.52));
  float g4 = BAND(vec2(0.41, 0.0)), g5 = BAND(vec2(0.0, 0.33)), g6 = BAND(vec2(-0.3, 1.1));
  float a = g1 * sin(q.x * 0.35 + u_time * 1.3) + 0.6 * g2 * sin(q.x * 0.9 + q.y * 0.4 + u_time * 2.1) +
            g3 * sin(q.y * 0.52 - u_time * 1.7);
  float b = g4 * cos(q.x * 0.41 - u_time * 1.1) + g5 * cos(q.y * 0.33 + u_time * 1.9) +
            0.6 * g6 * cos(q.y * 1.1 - q.x * 0.3 - u_time * 2.4);
  n = normalize(vec3(a * 0.045, b * 0.045, 1.0));
  // slope variance averaged out (a sine of slope amplitude s has variance s^2 / 2)
  float lost = 0.5 * 0.045 * 0.045 *
               ((1.0 - g1 * g1) + 0.36 * (1.0 - g2 * g2) + (1.0 - g3 * g3) + (1.0 - g4 * g4) +
                (1.0 - g5 * g5) + 0.36 * (1.0 - g6 * g6));
  // and the change of the remaining normal across the pixel
  vec3 nx = dFdx(n), ny = dFdy(n);
  float var = lost + 0.5 * (dot(nx, nx) + dot(ny, ny));
  // lobe width (rough^2): ripples too small to model (roughness 0.16), widened by the
  // variance
  float alpha = sqrt(0.0256 * 0.0256 + min(2.0 * var, 0.18));
  rough = sqrt(alpha);
  float fres = 1.0 - max(dot(n, view), 0.0);
  base = mix(base, u_sky_rgb * 0.9, fres * fres * fres * 0.6);
#endif
  float ndl = max(dot(n, u_sun_dir), 0.0);
  float sh = ndl > 0.0 ? shadow_factor() : 0.0;
  // specular: Blinn-Phong lobe whose exponent follows the roughness, normalised so a
  // rough surface spreads the same energy wider; Schlick Fresnel with F0 = 0.04
  vec3 hv = normalize(u_sun_dir + view);
  float a2 = max(rough * rough, 0.002);
  float pw = 2.0 / (a2 * a2) - 2.0;
  float f = 0.04 + 0.96 * pow(1.0 - max(dot(hv, view), 0.0), 5.0);
  float spec = (pw + 8.0) / 25.13 * pow(max(dot(n, hv), 0.0), pw) * f * ndl;
  vec3 amb = mix(u_ground_rgb, u_sky_rgb, n.z * 0.5 + 0.5);
  vec3 c = base * (amb + u_sun_rgb * (ndl * sh)) + u_sun_rgb * (min(spec, 8.0) * sh);
  // fog: thicker near the ground, towards the haze colour
  float dist = length(u_eye - v_world);
  float hfall = exp(-max(v_world.z, 0.0) * 0.012);
  float fog = 1.0 - exp(-dist * 0.0011 * (0.55 + 0.45 * hfall));
  c = mix(c, u_haze_rgb, min(fog, 0.88));
  o_rgba = vec4(to_srgb(c), 1.0);
}
