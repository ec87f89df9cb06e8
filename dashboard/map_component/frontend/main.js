// The map page's choropleth: Leaflet for the view (pan, zoom, fit), one canvas layer for the
// areas. Shapes arrive once per session and level and are kept (also in the app's window, so a
// page switch keeps them); a filter change sends one colour class per area, and the canvas is
// repainted colour by colour (one path per class) without rebuilding any shape.
(() => {
  "use strict";
  const send = (type, extra) =>
    window.parent.postMessage({ isStreamlitMessage: true, type, ...extra }, "*");
  // Kept in the app's window when allowed (same origin): survives this frame being rebuilt.
  let store = {};
  try { store = window.parent.__buurtkaart || (window.parent.__buurtkaart = {}); } catch (e) { /* own store */ }

  const TAU = 2 * Math.PI;
  const unitX = (lon) => (lon + 180) / 360;
  const unitY = (lat) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / TAU;

  function decodeShapes(payload) {
    const { codes, scale, parts, centres } = payload;
    const features = codes.map((code, i) => {
      let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
      const rings = parts[i].map((ring) => {
        const out = new Float64Array(ring.length);
        let lon = 0, lat = 0;
        for (let k = 0; k < ring.length; k += 2) {
          lon += ring[k]; lat += ring[k + 1];  // deltas after the first point
          const x = unitX(lon / scale), y = unitY(lat / scale);
          out[k] = x; out[k + 1] = y;
          if (x < x0) x0 = x; if (x > x1) x1 = x; if (y < y0) y0 = y; if (y > y1) y1 = y;
        }
        return out;
      });
      return { code, rings, box: [x0, y0, x1, y1],
               centre: [unitX(centres[2 * i] / scale), unitY(centres[2 * i + 1] / scale)] };
    });
    const index = new Map(codes.map((c, i) => [c, i]));
    return { features, index };
  }

  // Detail suited to the zoom: below FULL_DETAIL a ring keeps only points at least about a
  // pixel apart (computed once per zoom level and area, when first drawn). A whole country in
  // view then draws a fraction of its points; zoomed in, every point is there.
  const FULL_DETAIL = 13;
  function rings(f, level) {
    if (level >= FULL_DETAIL) return f.rings;
    f.lod = f.lod || [];
    if (!f.lod[level]) {
      const tol = 0.8 / (256 * Math.pow(2, level)), tol2 = tol * tol;
      f.lod[level] = f.rings.map((r) => {
        if (r.length <= 8) return r;
        const out = [r[0], r[1]];
        let px = r[0], py = r[1];
        for (let k = 2; k < r.length - 2; k += 2) {
          const dx = r[k] - px, dy = r[k + 1] - py;
          if (dx * dx + dy * dy >= tol2) { out.push(r[k], r[k + 1]); px = r[k]; py = r[k + 1]; }
        }
        // A ring smaller than a pixel keeps a triangle, so that it still covers its spot.
        if (out.length < 6) return r.length <= 8 ? r : [r[0], r[1], r[r.length >> 2 & ~1],
          r[(r.length >> 2 & ~1) + 1], r[r.length >> 1 & ~1], r[(r.length >> 1 & ~1) + 1]];
        return out;
      });
    }
    return f.lod[level];
  }

  let map = null, layer = null, shapes = null, texts = null, paint = null, lastFit = "";
  let requested = 0;
  const tip = document.getElementById("tip");

  const Areas = L.Layer.extend({
    onAdd(m) {
      this._canvas = L.DomUtil.create("canvas", "leaflet-zoom-hide");
      this._hover = L.DomUtil.create("canvas", "leaflet-zoom-hide");
      for (const c of [this._canvas, this._hover]) {
        c.style.position = "absolute"; c.style.pointerEvents = "none";
        m.getPane("overlayPane").appendChild(c);
      }
      m.on("moveend zoomend resize viewreset", this.redraw, this);
      this.redraw();
    },
    onRemove(m) {
      this._canvas.remove(); this._hover.remove();
      m.off("moveend zoomend resize viewreset", this.redraw, this);
    },
    _frame() {  // canvas position and the transform from unit coordinates to canvas pixels
      const m = this._map, size = m.getSize(), ratio = window.devicePixelRatio || 1;
      const topLeft = m.containerPointToLayerPoint([0, 0]);
      const worldPx = 256 * Math.pow(2, m.getZoom());
      const origin = m.getPixelBounds().min;
      const level = Math.max(0, Math.min(FULL_DETAIL, Math.floor(m.getZoom())));
      return { size, ratio, topLeft, worldPx, ox: origin.x, oy: origin.y, level };
    },
    _trace(ctx, f, t) {
      for (const ring of rings(f, t.level)) {
        ctx.moveTo(ring[0] * t.worldPx - t.ox, ring[1] * t.worldPx - t.oy);
        for (let k = 2; k < ring.length; k += 2) {
          ctx.lineTo(ring[k] * t.worldPx - t.ox, ring[k + 1] * t.worldPx - t.oy);
        }
        ctx.closePath();
      }
    },
    redraw() {  // at most once per frame, however many view events came
      if (this._scheduled) return;
      this._scheduled = true;
      requestAnimationFrame(() => { this._scheduled = false; this._draw(); });
    },
    _draw() {
      if (!this._map || !shapes || !paint) return;
      const started = performance.now();
      const t = this._frame();
      for (const c of [this._canvas, this._hover]) {
        L.DomUtil.setPosition(c, t.topLeft);
        c.width = Math.round(t.size.x * t.ratio); c.height = Math.round(t.size.y * t.ratio);
        c.style.width = t.size.x + "px"; c.style.height = t.size.y + "px";
      }
      const ctx = this._canvas.getContext("2d");
      ctx.setTransform(t.ratio, 0, 0, t.ratio, 0, 0);
      const vx0 = t.ox / t.worldPx, vy0 = t.oy / t.worldPx;
      const vx1 = (t.ox + t.size.x) / t.worldPx, vy1 = (t.oy + t.size.y) / t.worldPx;
      const visible = [];
      for (let i = 0; i < shapes.features.length; i++) {
        const b = shapes.features[i].box;
        if (b[2] >= vx0 && b[0] <= vx1 && b[3] >= vy0 && b[1] <= vy1) visible.push(i);
      }
      // Each area filled on its own, grouped by colour: one path holding thousands of areas
      // is several times slower to fill in software than the areas one by one.
      ctx.globalAlpha = paint.opacity;
      const order = visible.slice().sort((a, b) => paint.fill.charCodeAt(a) - paint.fill.charCodeAt(b));
      let current = -1;
      for (const i of order) {
        const cls = paint.fill.charCodeAt(i) - 48;
        if (cls !== current) { ctx.fillStyle = paint.palette[cls] || "#ffffff"; current = cls; }
        ctx.beginPath(); this._trace(ctx, shapes.features[i], t); ctx.fill("evenodd");
      }
      ctx.globalAlpha = 1;
      // Outlines only where they help: when areas are large enough on screen to tell apart.
      const perArea = (t.size.x * t.size.y) / Math.max(visible.length, 1);
      if (perArea > 150) {
        ctx.strokeStyle = "rgba(90, 90, 90, 0.75)";
        ctx.lineWidth = perArea > 2000 ? 0.8 : 0.4;
        for (const i of visible) { ctx.beginPath(); this._trace(ctx, shapes.features[i], t); ctx.stroke(); }
      }
      const chosen = shapes.index.get(paint.selected);
      if (chosen !== undefined) {
        ctx.beginPath(); this._trace(ctx, shapes.features[chosen], t);
        ctx.strokeStyle = "#1a1a1a"; ctx.lineWidth = 3; ctx.stroke();
      }
      // Open signals (on request): a white dot with a dark ring at the area's label point.
      for (const [i, r] of paint.marks || []) {
        const f = shapes.features[i];
        if (!f) continue;
        const x = f.centre[0] * t.worldPx - t.ox, y = f.centre[1] * t.worldPx - t.oy;
        ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
        ctx.fillStyle = "#ffffff"; ctx.fill();
        ctx.lineWidth = 3; ctx.strokeStyle = "#1b1b1b"; ctx.stroke();
      }
      if (paint.labels && texts) this._labels(ctx, t, visible);
      this._hoverIndex = -1;
      // How many times the areas were painted (browser tests wait for it) and how long it took.
      document.body.dataset.drawn = String((Number(document.body.dataset.drawn) || 0) + 1);
      document.body.dataset.drawMs = String(Math.round(performance.now() - started));
      document.body.dataset.drawnAt = String(Math.round(performance.timeOrigin + performance.now()));
    },
    _labels(ctx, t, visible) {
      const inside = visible.filter((i) => paint.fill[i] !== paint.outside);
      if (inside.length > 600) return;  // a country of names is unreadable: the tooltip names each
      ctx.font = "600 12px sans-serif"; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.lineJoin = "round"; ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.fillStyle = "#141414";
      for (const i of inside) {
        const f = shapes.features[i], name = texts.lines[i][0];
        const x = f.centre[0] * t.worldPx - t.ox, y = f.centre[1] * t.worldPx - t.oy;
        ctx.strokeText(name, x, y); ctx.fillText(name, x, y);
      }
    },
    hit(point) {  // the area under a container point, or -1
      const t = this._frame();
      const ux = (point.x + t.ox) / t.worldPx, uy = (point.y + t.oy) / t.worldPx;
      for (let i = shapes.features.length - 1; i >= 0; i--) {
        const f = shapes.features[i], b = f.box;
        if (ux < b[0] || ux > b[2] || uy < b[1] || uy > b[3]) continue;
        let inside = false;
        for (const r of f.rings) {
          for (let a = 0, z = r.length - 2; a < r.length; z = a, a += 2) {
            if ((r[a + 1] > uy) !== (r[z + 1] > uy)
                && ux < ((r[z] - r[a]) * (uy - r[a + 1])) / (r[z + 1] - r[a + 1]) + r[a]) {
              inside = !inside;
            }
          }
        }
        if (inside) return i;
      }
      return -1;
    },
    hover(i) {
      if (i === this._hoverIndex) return;
      this._hoverIndex = i;
      const t = this._frame(), ctx = this._hover.getContext("2d");
      ctx.setTransform(t.ratio, 0, 0, t.ratio, 0, 0);
      ctx.clearRect(0, 0, t.size.x, t.size.y);
      if (i < 0) return;
      ctx.beginPath(); this._trace(ctx, shapes.features[i], t);
      ctx.fillStyle = "rgba(255, 215, 0, 0.63)"; ctx.fill("evenodd");
    },
  });

  function tooltip(i, point) {
    if (i < 0 || !texts) { tip.style.display = "none"; return; }
    const lines = texts.lines[i].filter((s) => s);
    if (texts.tail) lines.push(texts.tail);
    tip.textContent = lines.join("\n");
    tip.style.display = "block";
    const width = document.body.clientWidth;
    tip.style.left = Math.min(point.x + 14, width - tip.offsetWidth - 4) + "px";
    tip.style.top = point.y + 14 + "px";
  }

  function setup(height) {
    const box = document.getElementById("kaart");
    box.style.height = height + "px";
    // No tile layer: nothing is fetched from outside (works offline).
    map = L.map(box, { zoomControl: true, attributionControl: false, zoomSnap: 0.25,
                       zoomAnimation: false, fadeAnimation: false, preferCanvas: true });
    map.setView([52.1, 5.3], 7);
    layer = new Areas().addTo(map);
    let pending = null;
    map.on("mousemove", (e) => {
      pending = e.containerPoint;
      requestAnimationFrame(() => {
        if (!pending || !shapes) return;
        const i = layer.hit(pending);
        layer.hover(i); tooltip(i, pending); pending = null;
        box.style.cursor = i >= 0 ? "pointer" : "";
      });
    });
    map.on("mouseout", () => { layer.hover(-1); tooltip(-1); });
    map.on("click", (e) => {
      if (!shapes) return;
      const i = layer.hit(e.containerPoint);
      if (i >= 0) {
        send("streamlit:setComponentValue",
             { value: { click: shapes.features[i].code, n: Date.now() }, dataType: "json" });
      }
    });
    send("streamlit:setFrameHeight", { height });
  }

  // The legend beside the map, built as text (never as HTML: labels hold names from data).
  let legend = null;
  function drawLegend(spec) {
    const box = document.getElementById("legenda");
    box.replaceChildren();
    if (!spec) return;
    const title = document.createElement("div");
    title.className = "titel"; title.textContent = spec.title || "";
    box.appendChild(title);
    for (const [colour, label] of spec.items || []) {
      const row = document.createElement("div"), swatch = document.createElement("span");
      const text = document.createElement("span");
      row.className = "rij"; row.setAttribute("role", "listitem");
      swatch.className = "kleur"; swatch.style.background = colour;
      text.textContent = label;
      row.append(swatch, text); box.appendChild(row);
    }
  }
  function render(args) {
    // The legend first: the map takes the width that is left.
    const spec = JSON.stringify(args.legend || null);
    if (spec !== legend) {
      legend = spec;
      drawLegend(args.legend);
      if (map) map.invalidateSize();
    }
    if (!map) setup(args.height);
    if (args.shapes) store[args.shapes_key] = decodeShapes(args.shapes);
    if (args.texts) store[args.texts_key] = args.texts;
    shapes = store[args.shapes_key] || null;
    texts = store[args.texts_key] || null;
    const missing = [args.shapes_key, args.texts_key].filter((k) => !store[k]);
    if (missing.length) {  // this frame was rebuilt without its store: ask once more
      if (Date.now() - requested > 2000) {
        requested = Date.now();
        send("streamlit:setComponentValue",
             { value: { need: missing, n: requested }, dataType: "json" });
      }
      return;
    }
    paint = args.paint;
    const fit = JSON.stringify(args.paint.fit);
    if (fit !== lastFit && args.paint.fit) {
      lastFit = fit;
      const [w, s, e, n] = args.paint.fit;
      map.fitBounds([[s, w], [n, e]], { padding: [12, 12], animate: false });
    }
    layer.redraw();
    document.getElementById("kaart").setAttribute("aria-label", args.label || "");
  }

  window.addEventListener("message", (event) => {
    if (event.data && event.data.type === "streamlit:render") render(event.data.args);
  });
  send("streamlit:componentReady", { apiVersion: 1 });
})();
