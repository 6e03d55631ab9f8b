// JJJ Atlas: what the Map page's changing overlays call (geo/overlays.py sends one call per overlay
// with its data). Loaded with the base map (inlined after basemap.js), so the overlays that arrive
// with every filter change carry data only.
window.jjj = window.jjj || {};

// A compact GeoJSON overlay: points as [lon, lat, properties], tooltips and cards in a side table.
// ``canvas``: many points, painted on one shared canvas with one tooltip and popup for the layer
// (geo/bigpoints.py); otherwise a DOM marker per point.
jjj.addOverlay = function(group, data, info, className, bubble, canvas) {
    var layer = jjj.buildOverlay(data, info, className, bubble, canvas);
    if (canvas) {
        jjj.drawn = jjj.drawn || {};
        var kind = className.replace(/^jjj-/, "");
        layer.on("add", function() { requestAnimationFrame(function() { jjj.drawn[kind] = data.length; }); });
        layer.on("remove", function() { jjj.drawn[kind] = 0; });
    }
    layer.addTo(group);
};

// The layer of jjj.addOverlay, not yet added to the map.
jjj.buildOverlay = function(data, info, className, bubble, canvas) {
    var features = data.map(function(f) {
        return f.length === 3 ? {type: "Feature", properties: f[2],
                                 geometry: {type: "Point", coordinates: [f[0], f[1]]}} : f;
    });
    var layer = L.geoJson({type: "FeatureCollection", features: features}, {
        pointToLayer: function(f, ll) { return canvas ? jjj.canvasPoint(f, ll) : jjj.pointLayer(f, ll); },
        style: function(f) { return Object.assign({bubblingMouseEvents: bubble}, f.properties.s); },
        className: className
    });
    // a card starting with "+" continues the tooltip text (sent once)
    var cardOf = function(i) { return i[1] && i[1].charAt(0) === "+" ? i[0] + "<br>" + i[1].slice(1) : i[1]; };
    if (canvas) {
        var infoOf = function(l) { return info[l.feature.properties.id] || ["", ""]; };
        layer.bindTooltip(function(l) { return infoOf(l)[0]; });
        layer.on("click", function(e) {
            var card = cardOf(infoOf(e.layer));
            if (card) { L.popup({maxWidth: 360}).setLatLng(e.latlng).setContent(card).openOn(e.layer._map); }
        });
    } else {
        layer.eachLayer(function(l) {
            var i = info[l.feature.properties.id];
            if (!i) { return; }
            l.bindTooltip(i[0], {sticky: !l.getLatLng});
            var card = cardOf(i);
            if (card) { l.bindPopup(card, {maxWidth: 360}); }
        });
    }
    return layer;
};

// A symbol on the shared canvas: the shape of jjj.pointLayer's SVG, painted from its path data.
jjj.CanvasSymbol = L.CircleMarker.extend({
    // drawn ``offset`` pixels from its point (a fanned-out symbol): hovering and clicking follow it
    _centre: function() { return this._point.add(L.point(this.options.offset)); },
    _updateBounds: function() {
        var r = this._radius + this._clickTolerance(), c = this._centre();
        this._pxBounds = L.bounds(c.subtract([r, r]), c.add([r, r]));
    },
    _containsPoint: function(p) { return p.distanceTo(this._centre()) <= this._radius + this._clickTolerance(); },
    _updatePath: function() {
        var r = this._renderer, c = this._centre();
        if (!r._drawing || this._empty()) { return; }
        var ctx = r._ctx, path = jjj.paths[this.options.shape] || jjj.paths.circle;
        ctx.save();
        ctx.translate(c.x - 8, c.y - 8);
        ctx.fillStyle = this.options.fillColor;
        ctx.fill(path);
        ctx.lineWidth = 1.1;
        ctx.strokeStyle = this.options.color;
        ctx.stroke(path);
        ctx.restore();
    }
});
jjj.canvasPoint = function(f, ll) {
    if (!jjj.paths) {
        jjj.paths = {};
        Object.keys(jjj.shapePaths).forEach(function(k) { jjj.paths[k] = new Path2D(jjj.shapePaths[k]); });
        jjj.pointCanvas = L.canvas({pane: "jjjPoints", padding: 0.3});
    }
    var p = f.properties;
    if (p.k === "station") { return jjj.pointLayer(f, ll); }
    return new jjj.CanvasSymbol(ll, {renderer: jjj.pointCanvas, radius: 8, shape: p.sh, offset: p.o || [0, 0],
        fillColor: p.c, color: jjj.ink.outline, bubblingMouseEvents: false});
};

// The 2+4 policy areas, merged in the browser from the base map's counties (no geometry is sent).
jjj.addPolicyAreas = function(group, list) {
    var areas = L.featureGroup().addTo(group);
    var draw = function() {
        var topo = jjj.topo, counties = topo.objects.counties.geometries;
        areas.clearLayers();
        list.forEach(function(area) {
            // merged once per boundary level, reused by every filter
            var shape = jjj.areaShapes[area.id] || (jjj.areaShapes[area.id] = topojson.merge(topo,
                counties.filter(function(g) {
                    return area.members.indexOf(g.properties.code) >= 0
                        || area.members.indexOf(g.properties.city_code) >= 0;
                })));
            L.geoJson(shape, {
                // beneath the lines and symbols whatever arrives first: a click on a line is the line's
                pane: "jjjAreas",
                className: "jjj-" + area.role + " jjj-area-" + area.id,
                style: function() { return area.style; }
            // no popup: a click selects the city under the area, whose card the page offers
            }).bindTooltip(area.tip, {sticky: true}).addTo(areas);
        });
    };
    // the latest overlay redraws its areas when the detailed boundaries replace the overview
    jjj.redrawAreas = function() { if (group._map) { draw(); } };
    jjj.ready.then(draw);
};

// A ring around the symbol of the entity searched or clicked (drawn ``offset`` pixels from its point,
// like a fanned-out symbol); in the group, so the next overlay replaces it.
jjj.highlight = function(group, lat, lon, offset) {
    var o = offset || [0, 0], size = 30;
    L.marker([lat, lon], {pane: "jjjRing", interactive: false, keyboard: false, icon: L.divIcon({
        className: "jjj-highlight", iconSize: [size, size], iconAnchor: [size / 2 - o[0], size / 2 - o[1]],
        html: '<div style="width:100%;height:100%;box-sizing:border-box;border-radius:50%;border:3px solid '
            + jjj.ink.selected + ';box-shadow:0 0 0 2px ' + jjj.ink.halo + ', inset 0 0 0 2px ' + jjj.ink.halo
            + '"></div>'})}).addTo(group);
};

// A big layer sent once (geo/bigpoints.py): each run names its payload by content key and the classes
// (cities) shown. The payload is fetched once and kept here by its key with its layer (jjj.BigPoints),
// so a filter change repaints it: nothing is sent, parsed or built again.
// A payload that cannot be fetched is reported to the page (a "drawing" of kind jjj-missing), whose
// next run embeds it (ref.data), as every run did before.
jjj.big = jjj.big || {};
jjj.addBigOverlay = function(group, ref) {
    var entry = jjj.big[ref.key];
    if (!entry && ref.data) { entry = jjj.big[ref.key] = {payload: ref.data}; }
    if (entry && entry.payload) { jjj.drawBig(group, ref, entry); return; }
    if (!entry) {
        entry = jjj.big[ref.key] = {waiting: []};
        fetch(ref.url).then(function(r) {
            if (!r.ok) { throw new Error(r.status); }
            return r.json();
        }).then(function(payload) {
            entry.payload = payload;
            entry.waiting.forEach(function(w) { if (w[0]._map) { jjj.drawBig(w[0], w[1], entry); } });
            entry.waiting = [];
        }).catch(function() {
            delete jjj.big[ref.key];
            jjj.reportMissing(ref.key);
        });
    }
    entry.waiting.push([group, ref]);
};
jjj.drawBig = function(group, ref, entry) {
    var layer = entry.layer || (entry.layer = new jjj.BigPoints(entry.payload, ref.className));
    if (layer.shownIn) { layer.shownIn.removeLayer(layer); }  // the previous run's group lets go of it
    layer.shownIn = group;
    layer.show(ref.kept, ref.count);
    group.addLayer(layer);
};

// Every point of a big layer painted on one canvas by one Leaflet layer: no Leaflet object per point,
// so showing other classes is one repaint (a stamp of the symbol per point), and hovering and clicking
// look the point up in a grid of what was painted.
jjj.BigPoints = L.Layer.extend({
    options: {pane: "jjjPoints", padding: 0.3, cell: 16},
    initialize: function(payload, className) {
        this._p = payload;
        this._kind = className.replace(/^jjj-/, "");
        this._kept = {};
        this._count = 0;
    },
    show: function(kept, count) {
        this._kept = {};
        for (var i = 0; i < kept.length; i++) { this._kept[kept[i]] = true; }
        this._count = count;
        if (this._map) { this._redraw(); }
    },
    onAdd: function(map) {
        if (!this._canvas) {
            this._canvas = L.DomUtil.create("canvas", "jjj-big-points leaflet-zoom-hide");
            this._canvas.style.pointerEvents = "none";
            this._sprite = jjj.symbolSprite(this._p.symbol);
            this._project(map);
        }
        this.getPane().appendChild(this._canvas);
        this._onDown = L.bind(this._down, this);
        map.getContainer().addEventListener("click", this._onDown, true);
        map.on("moveend zoomend resize viewreset", this._redraw, this);
        map.on("mousemove", this._hover, this);
        this._redraw();
    },
    onRemove: function(map) {
        L.DomUtil.remove(this._canvas);
        map.getContainer().removeEventListener("click", this._onDown, true);
        map.off("moveend zoomend resize viewreset", this._redraw, this);
        map.off("mousemove", this._hover, this);
        if (this._tip) { map.closeTooltip(this._tip); }
        jjj.drawn = jjj.drawn || {};
        jjj.drawn[this._kind] = 0;
    },
    _project: function(map) {
        // projected once (Web Mercator metres); a repaint only scales and shifts them
        var crs = map.options.crs, xy = this._p.xy, n = xy.length / 2;
        this._m = new Float64Array(xy.length);
        for (var i = 0; i < n; i++) {
            var q = crs.projection.project(L.latLng(xy[2 * i + 1], xy[2 * i]));
            this._m[2 * i] = q.x;
            this._m[2 * i + 1] = q.y;
        }
    },
    _redraw: function() {
        var map = this._map;
        if (!map) { return; }
        var size = map.getSize(), pad = size.multiplyBy(this.options.padding).round();
        var topLeft = map.containerPointToLayerPoint(pad.multiplyBy(-1)), full = size.add(pad.multiplyBy(2));
        var kind = this._kind, count = this._count;
        jjj.drawn = jjj.drawn || {};
        // A filter change that leaves these points alone re-adds the layer: its canvas kept its pixels.
        var painted = [Object.keys(this._kept).join(","), map.getZoom(), map.getPixelOrigin(), topLeft, full].join(";");
        if (painted === this._painted) {
            requestAnimationFrame(function() { jjj.drawn[kind] = count; });
            return;
        }
        this._painted = painted;
        var ratio = window.devicePixelRatio || 1, c = this._canvas, ctx = c.getContext("2d");
        L.DomUtil.setPosition(c, topLeft);
        c.width = full.x * ratio;
        c.height = full.y * ratio;
        c.style.width = full.x + "px";
        c.style.height = full.y + "px";
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        var crs = map.options.crs, t = crs.transformation, scale = crs.scale(map.getZoom());
        var origin = map.getPixelOrigin(), ox = origin.x + topLeft.x, oy = origin.y + topLeft.y;
        var p = this._p, m = this._m, cell = this.options.cell, grid = this._grid = {}, sprite = this._sprite;
        this._shift = [ox, oy];
        this._xs = this._xs || new Float32Array(p.cls.length);
        this._ys = this._ys || new Float32Array(p.cls.length);
        // Stamping the symbol is nearly all of a repaint (100,000 stamps took about 1 s in headless
        // Chromium, the longest frame of a pan). Whole pixels stamp twice as fast as fractional ones
        // (no resampling), and of the points on one pixel only the last is stamped: it covers the others
        // (one symbol per layer), and it is the one the hover finds (painted last = on top).
        var w = full.x + 17, cells = w * (full.y + 17), shown = [];
        var top = this._top = this._top && this._top.length >= cells ? this._top : new Int32Array(cells);
        for (var i = 0; i < p.cls.length; i++) {
            if (!this._kept[p.cls[i]]) { continue; }
            var x = Math.round(scale * (t._a * m[2 * i] + t._b) - ox + p.o[2 * i]);
            var y = Math.round(scale * (t._c * m[2 * i + 1] + t._d) - oy + p.o[2 * i + 1]);
            if (x < -8 || y < -8 || x > full.x + 8 || y > full.y + 8) { continue; }
            this._xs[i] = x;
            this._ys[i] = y;
            top[(y + 8) * w + x + 8] = i + 1;
            shown.push(i);
            var k = Math.floor(x / cell) * 65536 + Math.floor(y / cell);
            (grid[k] || (grid[k] = [])).push(i);
        }
        for (var j = 0; j < shown.length; j++) {
            var at = (this._ys[shown[j]] + 8) * w + this._xs[shown[j]] + 8;
            if (top[at] !== shown[j] + 1) { continue; }  // a later point is stamped on this pixel
            top[at] = 0;  // the array is left empty for the next repaint
            ctx.drawImage(sprite, this._xs[shown[j]] - 8, this._ys[shown[j]] - 8, 16, 16);
        }
        requestAnimationFrame(function() { jjj.drawn[kind] = count; });
    },
    // A point's tooltip or card: its lines (a column's word, escaped by the server, or a fixed text)
    // joined as geo.overlays._text joins them, missing ones left out; built when the mouse asks.
    _lines: function(lines, i) {
        var cols = this._p.cols, out = [];
        for (var j = 0; j < lines.length; j++) {
            var line = lines[j], col = line.col !== undefined ? cols[line.col] : null;
            var word = col ? col.w[col.c ? col.c[i] : i] : line;
            if (word) { out.push(word); }
        }
        return out.join("<br>");
    },
    // the last painted point within 8 px of a container point (painted last = on top), or -1
    _at: function(containerPoint) {
        if (!this._grid) { return -1; }
        var lp = this._map.containerPointToLayerPoint(containerPoint), origin = this._map.getPixelOrigin();
        var x = lp.x + origin.x - this._shift[0], y = lp.y + origin.y - this._shift[1], cell = this.options.cell;
        var best = -1, bestD = 8.5 * 8.5;
        for (var gx = Math.floor(x / cell) - 1; gx <= Math.floor(x / cell) + 1; gx++) {
            for (var gy = Math.floor(y / cell) - 1; gy <= Math.floor(y / cell) + 1; gy++) {
                var list = this._grid[gx * 65536 + gy] || [];
                for (var j = 0; j < list.length; j++) {
                    var i = list[j], dx = this._xs[i] - x, dy = this._ys[i] - y, d = dx * dx + dy * dy;
                    if (d <= bestD && i > best) { best = i; bestD = Math.max(d, 0); }
                }
            }
        }
        return best;
    },
    _hover: function(e) {
        var i = this._at(e.containerPoint), map = this._map;
        map.getContainer().style.cursor = i >= 0 ? "pointer" : "";
        if (i < 0) { if (this._tip) { map.closeTooltip(this._tip); } return; }
        this._tip = this._tip || L.tooltip({direction: "top", offset: [0, -8]});
        this._tip.setLatLng(L.latLng(this._p.xy[2 * i + 1], this._p.xy[2 * i]))
            .setContent(this._lines(this._p.tip, i));
        map.openTooltip(this._tip);
    },
    // A click on a point opens its card and goes no further (not a click on the city below); a click
    // on a marker, a popup or a control above it is theirs.
    _down: function(e) {
        if (e.target.closest && e.target.closest(".leaflet-marker-icon, .leaflet-popup, .leaflet-control")) { return; }
        var map = this._map, rect = map.getContainer().getBoundingClientRect();
        var i = this._at(L.point(e.clientX - rect.left, e.clientY - rect.top));
        if (i < 0) { return; }
        e.stopPropagation();
        var card = this._lines(this._p.card, i);
        if (card) {
            L.popup({maxWidth: 360}).setLatLng(L.latLng(this._p.xy[2 * i + 1], this._p.xy[2 * i])).setContent(card)
                .openOn(map);
        }
    }
});
// The symbol drawn once (jjj.pointLayer's SVG shape) to be stamped per point.
jjj.symbolSprite = function(symbol) {
    var ratio = window.devicePixelRatio || 1, c = document.createElement("canvas"), ctx = c.getContext("2d");
    var path = new Path2D(jjj.shapePaths[symbol.sh] || jjj.shapePaths.circle);
    c.width = c.height = 16 * ratio;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = symbol.c;
    ctx.fill(path);
    ctx.lineWidth = 1.1;
    ctx.strokeStyle = jjj.ink.outline;
    ctx.stroke(path);
    return c;
};
jjj.reportMissing = function(key) {
    var state = window.__GLOBAL_DATA__, map = jjj.map;
    if (!state || !map) { return; }
    state.last_active_drawing = {type: "Feature", geometry: null, properties: {k: "jjj-missing", key: key}};
    map.fire("moveend");  // streamlit-folium reports its state on a move
};

// A curated or workspace layer sent once (geo/sendonce.py): each run names the payload of the layer's
// whole drawing by content key, the positions kept ({r: runs} | {m: base64 bitmask} | {i: list}), the
// fans of the kept points (o: [position, dx, dy, ...]) and whether it is painted on the canvas. A payload
// is fetched once and kept by key (jjj.onceKeep of them) with the Leaflet layers built from it. A layer's
// holder stays on the map from run to run (streamlit-folium removes the previous group before a run's
// script): a run adds and removes only the features whose presence changed, and when its group arrives
// on the map, the holders this run did not name go. Until a payload arrives the layer's previous drawing
// stays; a payload that cannot be fetched is reported like a big layer's (jjj.reportMissing), and the
// page embeds it (ref.data) from its next run on.
jjj.once = jjj.once || {};
jjj.onceOrder = jjj.onceOrder || [];
jjj.onceShown = jjj.onceShown || {};  // layer id -> its holder on the map
jjj.onceKeep = 48;
jjj.addSentOnce = function(group, ref) {
    if (!group.onceLayers) {
        group.onceLayers = [];
        group.on("add", function() { jjj.onceSettle(group); });
    }
    group.onceLayers.push(ref.layer);
    var entry = jjj.once[ref.key];
    if (!entry && ref.data) { entry = jjj.onceEntry(ref.key, {payload: ref.data}); }
    if (entry && entry.payload) { jjj.drawOnce(group, ref, entry); return; }
    if (!entry) {
        entry = jjj.onceEntry(ref.key, {waiting: []});
        fetch(ref.url).then(function(r) {
            if (!r.ok) { throw new Error(r.status); }
            return r.json();
        }).then(function(payload) {
            entry.payload = payload;
            entry.waiting.forEach(function(w) {
                if (w[0]._map) { jjj.drawOnce(w[0], w[1], entry); jjj.onceSettle(w[0]); }
            });
            entry.waiting = [];
        }).catch(function() {
            if (jjj.once[ref.key] === entry) { delete jjj.once[ref.key]; }
            jjj.reportMissing(ref.key);
        });
    }
    entry.waiting.push([group, ref]);
    var previous = jjj.onceShown[ref.layer];  // kept on the map until the payload is in
    if (previous && previous._map) { jjj.onceClaim(previous, group); }
};
jjj.onceEntry = function(key, entry) {
    jjj.once[key] = entry;
    jjj.onceOrder.push(key);
    // the least recently added payloads beyond the bound go, unless drawn now or awaited
    for (var i = 0; jjj.onceOrder.length > jjj.onceKeep && i < jjj.onceOrder.length; ) {
        var old = jjj.once[jjj.onceOrder[i]];
        var drawn = old && [old.dom, old.canvas].some(function(b) { return b && b.holder._map; });
        if (drawn || (old && !old.payload)) { i++; continue; }
        delete jjj.once[jjj.onceOrder[i]];
        jjj.onceOrder.splice(i, 1);
    }
    return entry;
};
jjj.keptPositions = function(kept) {
    if (kept.i) { return kept.i; }
    var out = [], i, j;
    if (kept.r) {
        for (i = 0; i < kept.r.length; i += 2) { for (j = kept.r[i]; j < kept.r[i + 1]; j++) { out.push(j); } }
        return out;
    }
    var bytes = atob(kept.m);
    for (i = 0; i < bytes.length; i++) {
        var b = bytes.charCodeAt(i);
        for (j = 0; j < 8; j++) { if (b & (1 << j)) { out.push(8 * i + j); } }
    }
    return out;
};
// The Leaflet layers of one payload in one mode (DOM markers or canvas), built once: a holder group
// (tooltip and card handling on the canvas, as jjj.buildOverlay binds them) and one layer per feature
// and fan offset.
jjj.onceLayers = function(entry, canvas) {
    var mode = canvas ? "canvas" : "dom";
    if (entry[mode]) { return entry[mode]; }
    var p = entry.payload, built = {holder: L.featureGroup(), layers: {}, shown: {}, payload: p, canvas: canvas};
    var holder = built.holder, kind = p.className.replace(/^jjj-/, "");
    var cardOf = function(i) { return i[1] && i[1].charAt(0) === "+" ? i[0] + "<br>" + i[1].slice(1) : i[1]; };
    holder.kind = kind;
    if (canvas) {
        var infoOf = function(l) { return p.info[l.feature.properties.id] || ["", ""]; };
        holder.bindTooltip(function(l) { return infoOf(l)[0]; });
        holder.on("click", function(e) {
            var card = cardOf(infoOf(e.layer));
            if (card) { L.popup({maxWidth: 360}).setLatLng(e.latlng).setContent(card).openOn(e.layer._map); }
        });
        holder.on("remove", function() { jjj.drawn = jjj.drawn || {}; jjj.drawn[kind] = 0; });
    }
    built.make = function(index, offset) {
        var f = p.data[index], feature = f.length === 3 ? {type: "Feature", properties: f[2],
            geometry: {type: "Point", coordinates: [f[0], f[1]]}} : f;
        if (offset) { feature = Object.assign({}, feature, {properties: Object.assign({}, feature.properties, {o: offset})}); }
        var one = L.geoJson(feature, {
            pointToLayer: function(g, ll) { return canvas ? jjj.canvasPoint(g, ll) : jjj.pointLayer(g, ll); },
            style: function(g) { return Object.assign({bubblingMouseEvents: p.bubble}, g.properties.s); },
            className: p.className
        });
        var layer = one.getLayers()[0];
        one.removeLayer(layer);
        if (!canvas) {
            var i = p.info[feature.properties.id];
            if (i) {
                layer.bindTooltip(i[0], {sticky: !layer.getLatLng});
                var card = cardOf(i);
                if (card) { layer.bindPopup(card, {maxWidth: 360}); }
            }
        }
        return layer;
    };
    // every feature at its own point first, in the payload's order (the order paths are stacked in)
    for (var i = 0; i < p.data.length; i++) { built.layers[i] = built.make(i, null); }
    entry[mode] = built;
    return built;
};
// This run keeps ``holder`` on the map; its features' clicks reach this run's group (the one
// streamlit-folium listens to), not an earlier one.
jjj.onceClaim = function(holder, group) {
    if (holder.run && holder.run !== group) { holder.removeEventParent(holder.run); }
    holder.run = group;
    holder.addEventParent(group);
};
jjj.drawOnce = function(group, ref, entry) {
    var built = jjj.onceLayers(entry, ref.canvas), holder = built.holder, fans = {}, want = {}, j, id;
    for (j = 0; j < ref.o.length; j += 3) { fans[ref.o[j]] = [ref.o[j + 1], ref.o[j + 2]]; }
    jjj.keptPositions(ref.kept).forEach(function(index) {
        var fan = fans[index];
        want[fan ? index + "|" + fan : index] = true;
    });
    for (id in built.shown) {
        if (!want[id]) { holder.removeLayer(built.layers[id]); delete built.shown[id]; }
    }
    var added = false;
    for (id in want) {
        if (built.shown[id]) { continue; }
        var parts = String(id).split("|"), fan = parts.length > 1 ? parts[1].split(",").map(Number) : null;
        holder.addLayer(built.layers[id] || (built.layers[id] = built.make(Number(parts[0]), fan)));
        built.shown[id] = true;
        added = true;
    }
    jjj.onceShown[ref.layer] = holder;  // the layer's previous holder, if another, goes when the run settles
    jjj.onceClaim(holder, group);
    holder.stackAgain = added || !holder._map;
    if (!holder._map) { (group._map || jjj.map).addLayer(holder); }
    if (ref.canvas) {
        jjj.drawn = jjj.drawn || {};
        requestAnimationFrame(function() { jjj.drawn[holder.kind] = ref.count; });
    }
};
// The run's group is on the map: the holders it did not name go, and when paths were added (they go on
// top of the SVG) the holders' paths are stacked again in the run's order (bottom first).
jjj.onceSettle = function(group) {
    var again = false, stack = [];
    group.onceLayers.forEach(function(id) {
        var holder = jjj.onceShown[id];
        if (holder && holder.run === group) { stack.push(holder); again = again || holder.stackAgain; }
    });
    Object.keys(jjj.once).forEach(function(key) {
        var entry = jjj.once[key];
        [entry.dom, entry.canvas].forEach(function(b) {
            var holder = b && b.holder;
            if (holder && holder._map && stack.indexOf(holder) < 0) {
                if (holder.run) { holder.removeEventParent(holder.run); }
                holder.run = null;
                holder._map.removeLayer(holder);
            }
        });
    });
    if (again) { stack.forEach(function(holder) { holder.stackAgain = false; holder.bringToFront(); }); }
};
