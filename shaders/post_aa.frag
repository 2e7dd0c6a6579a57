#version 330 core
// post_aa.frag - edge-directed anti-aliasing on luma for a scene drawn without MSAA
// (software rasterisers), in one pass over the 3x3 neighbourhood of each pixel. Where
// the local luma contrast is low the pixel passes through unchanged. Otherwise the
// edge through it is classified as running along x or along y from the second
// differences of luma, the side it lies on is the neighbour across it with the steeper
// step, and the pixel is blended towards that neighbour by how near it lies to the end
// of its run of the edge (a stair step of a slanted edge: the ends of each step get
// about a quarter of the other side, the middle of a long run nothing), or by its
// contrast with the 3x3 average for features thinner than a pixel. Blending with the
// neighbour across the edge is what a bilinear sample offset across the edge gives,
// done on the fetched texels. Only texelFetch: on llvmpipe a filtered texture sample
// costs about two unfiltered ones, and both sides of every branch run, so the pass is
// nine fetches and straight-line arithmetic. Works on the sRGB-encoded values the scene
// wrote and writes them unconverted (GL_FRAMEBUFFER_SRGB stays off).
uniform sampler2D u_src;  // the scene, sRGB-encoded, same size as the target
uniform ivec2 u_max;      // its last texel (size - 1): fetches are clamped to the edge

out vec4 o_rgba;

// perceived brightness of an encoded colour (Rec. 601 weights)
float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }

// the texel at offset o from p, clamped to the picture
#define AT(o) texelFetch(u_src, clamp(p + o, ivec2(0), u_max), 0)

// how far (pixels) a run whose end the 3x3 does not show is assumed to go on
const float OPEN_RUN = 3.0;

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  vec4 cm = texelFetch(u_src, p, 0);
  vec4 cn = AT(ivec2(0, 1)), cs = AT(ivec2(0, -1)), ce = AT(ivec2(1, 0)), cw = AT(ivec2(-1, 0));
  float m = luma(cm.rgb), n = luma(cn.rgb), s = luma(cs.rgb), e = luma(ce.rgb), w = luma(cw.rgb);
  float ne = luma(AT(ivec2(1, 1)).rgb), nw = luma(AT(ivec2(-1, 1)).rgb);
  float se = luma(AT(ivec2(1, -1)).rgb), sw = luma(AT(ivec2(-1, -1)).rgb);
  float lo = min(m, min(min(n, s), min(e, w)));
  float hi = max(m, max(max(n, s), max(e, w)));
  float range = hi - lo;

  // change across rows (an edge running along x) against change across columns
  float across_y = 2.0 * abs(n + s - 2.0 * m) + abs(ne + se - 2.0 * e) + abs(nw + sw - 2.0 * w);
  float across_x = 2.0 * abs(e + w - 2.0 * m) + abs(ne + nw - 2.0 * n) + abs(se + sw - 2.0 * s);
  bool horiz = across_y >= across_x;
  // the neighbour across the edge (the steeper side) and the two pixels beside it
  // along the edge; a and b: this pixel's own neighbours along the edge
  float l_pos = horiz ? n : e, l_neg = horiz ? s : w;
  bool to_pos = abs(l_pos - m) >= abs(l_neg - m);
  float l_side = to_pos ? l_pos : l_neg;
  vec4 c_side = horiz ? (to_pos ? cn : cs) : (to_pos ? ce : cw);
  float a = horiz ? w : s, b = horiz ? e : n;
  float sa = horiz ? (to_pos ? nw : sw) : (to_pos ? se : sw);
  float sb = horiz ? (to_pos ? ne : se) : (to_pos ? ne : nw);

  // the edge's luma half way across it, here and one pixel each way along it: where it
  // departs by a quarter of the step, the run of this stair step ends there
  float l_edge = 0.5 * (m + l_side), lim = 0.25 * abs(l_side - m);
  float ea = 0.5 * (a + sa) - l_edge, eb = 0.5 * (b + sb) - l_edge;
  bool end_a = abs(ea) >= lim, end_b = abs(eb) >= lim;
  float da = end_a ? 1.0 : OPEN_RUN, db = end_b ? 1.0 : OPEN_RUN;
  // blend only when the nearer end turns towards this pixel (its luma lies on the
  // other side of the edge's than this pixel's)
  float e_near = da <= db ? ea : eb;
  bool bends = (e_near < 0.0) != (m - l_edge < 0.0);
  float off_edge = (end_a || end_b) && bends ? 0.5 - min(da, db) / (da + db) : 0.0;

  // features under a pixel: blend by the contrast with the 3x3 average
  float avg = (2.0 * (n + s + e + w) + ne + nw + se + sw) / 12.0;
  float sub = clamp(abs(avg - m) / max(range, 1e-4), 0.0, 1.0);
  sub = sub * sub * (3.0 - 2.0 * sub);
  sub = sub * sub * 0.75;

  // flat or faint areas pass through unchanged
  float off = range < max(0.04, 0.125 * hi) ? 0.0 : max(off_edge, sub);
  o_rgba = vec4(mix(cm.rgb, c_side.rgb, off), cm.a);
}
